/** Exit code of bad usage (a wrong option, argument or value), as the README's table says. */
export const EXIT_USAGE = 2;

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

/** The short reason a file operation failed: the system's code (`ENOENT`, `EACCES`) when there is one. */
export function ioReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** A PalignError for a file that could not be read or written: `data/x.txt: cannot read (ENOENT)`. */
export function ioError(file: string, action: string, error: unknown): PalignError {
  return new PalignError(`${file}: cannot ${action} (${ioReason(error)})`);
}
