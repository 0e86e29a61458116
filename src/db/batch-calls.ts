/** How long calls wait for a batch in flight before they go without it (a round trip takes a few ms). */
export const MAX_BATCH_WAIT_MS = 50;

/**
 * Group commit for one statement many requests make at once: a call made while no batch is in flight is
 * sent at once, alone; calls made while one is in flight wait for it and then go together, as one
 * statement. Nothing is delayed when the app is idle, and under load a round trip serves every request
 * that arrived during the previous one. A batch that takes longer than `maxWaitMs` (a connection gone
 * silent) does not hold the next calls back: they go then, on their own round trip.
 *
 * `run` answers every input of its batch, in order; when it fails, every call of that batch fails.
 */
export function batchCalls<I, O>(
  run: (inputs: I[]) => Promise<O[]>,
  options: { maxWaitMs?: number } = {},
): (input: I) => Promise<O> {
  type Waiting = { input: I; resolve: (output: O) => void; reject: (error: unknown) => void };
  const maxWaitMs = options.maxWaitMs ?? MAX_BATCH_WAIT_MS;
  let queue: Waiting[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    send(batch);
  };

  const send = (batch: Waiting[]) => {
    inFlight += 1;
    let answers: Promise<O[]>;
    try {
      answers = run(batch.map((w) => w.input));
    } catch (error) {
      // A `run` that throws at once fails its batch like one that rejects: the count above comes down.
      answers = Promise.reject(error);
    }
    answers
      .then((outputs) => {
        if (outputs.length !== batch.length)
          throw new Error(`a batch of ${batch.length} got ${outputs.length} answers`);
        for (const [i, w] of batch.entries()) w.resolve(outputs[i]!);
      })
      .catch((error: unknown) => {
        for (const w of batch) w.reject(error);
      })
      .finally(() => {
        inFlight -= 1;
        flush();
      });
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      const waiting = { input, resolve, reject };
      if (inFlight === 0) return send([waiting]);
      queue.push(waiting);
      if (!timer) {
        timer = setTimeout(flush, maxWaitMs);
        timer.unref();
      }
    });
}
