/** What the exit status means, for scripts. */
export const EXIT = {
  /** Done; for checks: nothing wrong found. */
  ok: 0,
  /** Failed: the server refused the input, a file was rejected, a bundle is broken, the network failed. */
  failure: 1,
  /** Bad usage: unknown command or option, missing argument. */
  usage: 2,
  /** Not found or denied: no such candidate, list or file; not signed in; role not allowed. */
  notFoundOrDenied: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with a given exit status and a message for people. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** The exit status of an HTTP status: 401/403/404 are "not found or denied", other errors failures. */
export const exitCodeOfStatus = (status: number): ExitCode =>
  status === 401 || status === 403 || status === 404 ? EXIT.notFoundOrDenied : EXIT.failure;
