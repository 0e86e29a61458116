import { expect } from 'vitest';

/**
 * The `problems` listed by the error `run` throws, which must be an `errorClass`; a test fails with
 * `accepted` when `run` throws nothing.
 */
export function problemsThrownBy(
  run: () => unknown,
  errorClass: abstract new (...args: never[]) => Error & { problems: string[] },
  accepted: string,
): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return (error as InstanceType<typeof errorClass>).problems;
  }
  throw new Error(accepted);
}
