/** A mistake in how a command was called: printed with the usage line, never with a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
