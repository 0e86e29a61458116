/**
 * The work's result if it settles within `ms`, else `fallback()` (the work goes on in the background and
 * its late result or failure is dropped). A rejection also gives the fallback.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
  });
  try {
    return await Promise.race([work.catch(() => fallback()), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
