import type { webApi } from '@slack/bolt';

/**
 * Files in and out of Slack, at the Web API's edge.
 *
 * In: files.info names the file, its size and `url_private_download`, which serves its bytes only with
 * `Authorization: Bearer <token>` of a token that may read it (scope files:read;
 * https://docs.slack.dev/reference/methods/files.info, https://docs.slack.dev/messaging/working-with-files).
 * The token is only ever sent to Slack: an https host under slack.com, or the Web API's own origin (a
 * local fake in tests), redirects included (one elsewhere is not followed). Without the right token Slack answers a login page, not the file: HTML is refused.
 *
 * Out: files.upload is retired (https://docs.slack.dev/changelog/2024-04-a-better-way-to-upload-files-is-here-to-stay);
 * files.getUploadURLExternal gives an upload URL and a file id, the bytes are POSTed to that URL, and
 * files.completeUploadExternal shares the file in `channel_id` (scope files:write).
 */

export type SlackFileProblem = 'too_large' | 'unreadable';

export class SlackFileError extends Error {
  constructor(
    readonly problem: SlackFileProblem,
    /** The file's size in bytes, when known. */
    readonly size?: number,
  ) {
    super(`Slack file ${problem}${size === undefined ? '' : ` (${size} bytes)`}`);
    this.name = 'SlackFileError';
  }
}

export interface DownloadedFile {
  bytes: Buffer;
  name: string;
  size: number;
  /** Who uploaded it. */
  user?: string | undefined;
}

export interface DownloadOptions {
  /** The bot token, sent to Slack's file server only. */
  token: string;
  /** A larger file is refused before anything is downloaded (and cut off if it turns out larger). */
  maxBytes: number;
  /** Origins besides https://*.slack.com that may receive the token (the configured Web API's, in tests). */
  trustedOrigins?: readonly string[];
  /** Told the size before the download starts (for a progress line). */
  onSize?: (size: number) => void | Promise<void>;
  timeoutMs?: number;
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

interface FileInfo {
  name?: string;
  title?: string;
  size?: number;
  url_private_download?: string;
  user?: string;
  mode?: string;
}

function trusted(url: URL, origins: readonly string[]): boolean {
  if (origins.includes(url.origin)) return true;
  return url.protocol === 'https:' && (url.hostname === 'slack.com' || url.hostname.endsWith('.slack.com'));
}

/** Redirects followed, each to a trusted origin only (the token goes nowhere else). */
const MAX_REDIRECTS = 3;

async function fetchTrusted(first: URL, options: DownloadOptions): Promise<Response> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let url = first;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${options.token}` },
        redirect: 'manual',
        signal,
      });
    } catch {
      throw new SlackFileError('unreadable');
    }
    const location =
      response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (!location) return response;
    await response.body?.cancel().catch(() => {});
    const next = new URL(location, url);
    if (hop >= MAX_REDIRECTS || !trusted(next, options.trustedOrigins ?? []))
      throw new SlackFileError('unreadable');
    url = next;
  }
}

/** files.info, then the bytes of url_private_download with the bot token, within maxBytes. */
export async function downloadSlackFile(
  client: webApi.WebClient,
  fileId: string,
  options: DownloadOptions,
): Promise<DownloadedFile> {
  let info: FileInfo | undefined;
  try {
    info = (await client.files.info({ file: fileId })).file as FileInfo | undefined;
  } catch {
    throw new SlackFileError('unreadable');
  }
  const name = info?.name || info?.title || fileId;
  if (!info?.url_private_download || info.mode === 'external') throw new SlackFileError('unreadable');
  if (info.size !== undefined && info.size > options.maxBytes)
    throw new SlackFileError('too_large', info.size);
  const url = new URL(info.url_private_download);
  if (!trusted(url, options.trustedOrigins ?? [])) throw new SlackFileError('unreadable');
  await options.onSize?.(info.size ?? 0);

  const response = await fetchTrusted(url, options);
  if (!response.ok || !response.body || (response.headers.get('content-type') ?? '').includes('text/html')) {
    await response.body?.cancel().catch(() => {});
    throw new SlackFileError('unreadable');
  }
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      length += chunk.length;
      if (length > options.maxBytes) {
        await response.body.cancel().catch(() => {});
        throw new SlackFileError('too_large', length);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    if (err instanceof SlackFileError) throw err;
    throw new SlackFileError('unreadable');
  }
  return { bytes: Buffer.concat(chunks), name, size: length, user: info.user };
}

export interface OutgoingFile {
  filename: string;
  title: string;
  bytes: Buffer;
  /** The message introducing it. */
  comment: string;
}

/** Sends a file to a user in the app's DM with them: conversations.open, then the external upload. */
export async function sendFileByDm(
  client: webApi.WebClient,
  userId: string,
  file: OutgoingFile,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  const channelId = dm.channel?.id;
  if (!channelId) throw new Error('conversations.open named no channel');
  const upload = await client.files.getUploadURLExternal({
    filename: file.filename,
    length: file.bytes.length,
  });
  if (!upload.upload_url || !upload.file_id) throw new Error('files.getUploadURLExternal gave no upload URL');
  const posted = await fetch(upload.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(file.bytes),
    signal: AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS),
  });
  await posted.body?.cancel().catch(() => {});
  if (!posted.ok) throw new Error(`the upload URL answered HTTP ${posted.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: upload.file_id, title: file.title }],
    channel_id: channelId,
    initial_comment: file.comment,
  });
}
