/**
 * The parts of a raw MIME message as a mail client shows them (quoted-printable and base64 undone), and
 * the declaration links they carry: what a contact would click.
 */
function decodePart(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function mailParts(raw: string): { type: string; text: string }[] {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  const sections = boundaries.length
    ? raw.split(new RegExp(boundaries.map((b) => `--${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('|')))
    : [raw];
  return sections.flatMap((section) => {
    const split = section.search(/\r?\n\r?\n/);
    if (split < 0) return [];
    const headers = section.slice(0, split);
    const type = /^content-type:\s*([^;\s]+)/im.exec(headers)?.[1]?.toLowerCase();
    if (!type?.startsWith('text/')) return [];
    return [{ type, text: decodePart(headers, section.slice(split).trim()) }];
  });
}

/** Every distinct declaration link in the message's plain text and HTML. */
export function declarationLinksIn(raw: string): string[] {
  const links = mailParts(raw).flatMap((p) => [
    ...p.text.matchAll(/https?:\/\/[^\s"<>]+\/declare\/[A-Za-z0-9._-]+/g),
  ]);
  return [...new Set(links.map((m) => m[0]))];
}
