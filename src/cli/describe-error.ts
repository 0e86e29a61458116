/** A one-line explanation of an unexpected failure, fit for a person: no stack, no secrets. */
export function describeError(err: unknown): string {
  const code =
    (err as { code?: string; cause?: { code?: string } }).code ??
    (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'CONNECT_TIMEOUT')
    return 'The database does not answer. Check DATABASE_URL and that the server is running.';
  if (code === '3D000') return 'The database named in DATABASE_URL does not exist.';
  if (code === '28P01' || code === '28000') return 'The database refused the credentials in DATABASE_URL.';
  return `Something went wrong: ${(err as Error)?.message ?? String(err)}`.split('\n')[0]!;
}
