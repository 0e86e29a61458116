import { describe, expect, it } from 'vitest';
import { batchCalls } from '../../src/db/batch-calls.js';

/** A statement the test answers by hand: each batch it was sent waits for `answer` or `fail`. */
function fakeStatement() {
  const batches: { inputs: number[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const run = (inputs: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({ inputs, answer: () => resolve(inputs.map((n) => `row ${n}`)), fail: reject });
    });
  return { batches, run };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('batchCalls: group commit for a statement many requests make at once', () => {
  it('sends a call made while nothing is in flight at once, alone', async () => {
    const statement = fakeStatement();
    const read = batchCalls(statement.run);
    const answer = read(1);
    expect(statement.batches.map((b) => b.inputs)).toEqual([[1]]);
    statement.batches[0]!.answer();
    await expect(answer).resolves.toBe('row 1');
  });

  it('sends the calls made during a round trip together, as one batch, each answered with its own row', async () => {
    const statement = fakeStatement();
    const read = batchCalls(statement.run);
    const first = read(1);
    const waiting = [read(2), read(3), read(4)];
    expect(statement.batches).toHaveLength(1);
    statement.batches[0]!.answer();
    await first;
    await settle();
    expect(statement.batches.map((b) => b.inputs)).toEqual([[1], [2, 3, 4]]);
    const later = read(5);
    statement.batches[1]!.answer();
    await expect(Promise.all(waiting)).resolves.toEqual(['row 2', 'row 3', 'row 4']);
    await settle();
    expect(statement.batches.map((b) => b.inputs)).toEqual([[1], [2, 3, 4], [5]]);
    statement.batches[2]!.answer();
    await expect(later).resolves.toBe('row 5');
  });

  it('fails every call of a failed batch, and only those; the next batch is sent anyway', async () => {
    const statement = fakeStatement();
    const read = batchCalls(statement.run);
    const first = read(1);
    const second = [read(2), read(3)];
    statement.batches[0]!.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    statement.batches[1]!.answer();
    await expect(Promise.all(second)).resolves.toEqual(['row 2', 'row 3']);
  });

  it('fails the batch when the statement answers a different number of rows than it was asked', async () => {
    const read = batchCalls(async (inputs: number[]) => inputs.slice(1));
    await expect(read(1)).rejects.toThrow('a batch of 1 got 0 answers');
  });
});

describe('batchCalls when a batch does not come back', () => {
  it('sends the calls waiting for it after maxWaitMs, on their own, and the late batch still answers its calls', async () => {
    const statement = fakeStatement();
    const read = batchCalls(statement.run, { maxWaitMs: 20 });
    const stuck = read(1);
    const waiting = [read(2), read(3)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(statement.batches).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(statement.batches.map((b) => b.inputs)).toEqual([[1], [2, 3]]);
    statement.batches[1]!.answer();
    await expect(Promise.all(waiting)).resolves.toEqual(['row 2', 'row 3']);
    statement.batches[0]!.answer();
    await expect(stuck).resolves.toBe('row 1');
  });
});

describe('batchCalls when the statement throws before it starts', () => {
  it('fails that batch and still sends the next call at once', async () => {
    let calls = 0;
    const read = batchCalls((inputs: number[]) => {
      calls += 1;
      if (calls === 1) throw new Error('could not build the statement');
      return Promise.resolve(inputs.map((n) => `row ${n}`));
    });
    await expect(read(1)).rejects.toThrow('could not build the statement');
    await expect(read(2)).resolves.toBe('row 2');
  });
});
