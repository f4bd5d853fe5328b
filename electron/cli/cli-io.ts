/**
 * What every command shares: where output goes, usage errors, exit codes.
 * Commands write through `CliIo` so tests can run them in-process.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
