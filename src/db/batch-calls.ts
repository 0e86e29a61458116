/**
 * Group commit for one statement many requests make at once: a call made while no batch is in flight is
 * sent at once, alone; calls made while one is in flight wait for it and then go together, as one
 * statement. Nothing is delayed when the app is idle, and under load a round trip serves every request
 * that arrived during the previous one.
 *
 * `run` answers every input of its batch, in order; when it fails, every call of that batch fails.
 */
export function batchCalls<I, O>(run: (inputs: I[]) => Promise<O[]>): (input: I) => Promise<O> {
  type Waiting = { input: I; resolve: (output: O) => void; reject: (error: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = false;

  const send = (batch: Waiting[]) => {
    inFlight = true;
    run(batch.map((w) => w.input))
      .then((outputs) => {
        if (outputs.length !== batch.length)
          throw new Error(`a batch of ${batch.length} got ${outputs.length} answers`);
        for (const [i, w] of batch.entries()) w.resolve(outputs[i]!);
      })
      .catch((error: unknown) => {
        for (const w of batch) w.reject(error);
      })
      .finally(() => {
        inFlight = false;
        if (queue.length === 0) return;
        const next = queue;
        queue = [];
        send(next);
      });
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      const waiting = { input, resolve, reject };
      if (inFlight) queue.push(waiting);
      else send([waiting]);
    });
}
