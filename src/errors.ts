/**
 * An error meant for the user: the CLI prints its message as one line and exits with `exitCode`.
 * Anything else that escapes is a bug and is reported with its stack.
 */
export class PalignError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'PalignError';
  }
}
