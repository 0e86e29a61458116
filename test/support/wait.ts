/**
 * Polls `check` until it holds, every `intervalMs`; throws after `timeoutMs`, naming what it waited for.
 * The one wait of the test helpers: the fakes' waitFor, the outbox's waitUntil.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
