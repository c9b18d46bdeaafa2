/**
 * The one error model. A namespaced `code` (`CANDIDATE.NOT_FOUND`) survives crossing processes;
 * `status` drives the HTTP problem+json rendering; `retriable` drives retry vs dead letter in
 * consumers and BullMQ processors.
 */
export interface FieldProblem {
  /** JSON pointer or dotted path of the offending field, e.g. `/person/dateOfBirth` or `row 12: dateOfBirth`. */
  field: string;
  reason: string;
}

export interface AppErrorOptions {
  status?: number;
  retriable?: boolean;
  cause?: unknown;
  errors?: FieldProblem[];
  /** Extra problem+json members, e.g. `{ existingId }`. Never personal data beyond what the caller may see. */
  extensions?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly retriable: boolean;
  readonly errors: FieldProblem[];
  readonly extensions: Record<string, unknown>;

  constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 500;
    this.retriable = options.retriable ?? false;
    this.errors = options.errors ?? [];
    this.extensions = options.extensions ?? {};
  }
}

export const badRequest = (code: string, message: string, errors: FieldProblem[] = []) =>
  new AppError(code, message, { status: 400, errors });

export const notFound = (code: string, message: string) => new AppError(code, message, { status: 404 });

export const conflict = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new AppError(code, message, { status: 409, extensions });

export const forbidden = (code: string, message: string) => new AppError(code, message, { status: 403 });

export const unavailable = (code: string, message: string, cause?: unknown) =>
  new AppError(code, message, { status: 503, retriable: true, cause });

/**
 * MongoDB server codes that mean the server is restarting, stepping down or unreachable (the
 * driver's own "retryable" set): HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress,
 * PrimarySteppedDown, SocketException, NotWritablePrimary, InterruptedAtShutdown,
 * InterruptedDueToReplStateChange, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary, ExceededTimeLimit.
 */
const RESTARTING_SERVER_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436, 262]);

/**
 * A MongoDB-protocol server whose own storage is restarting answers with a server error, not a
 * network one (FerretDB on PostgreSQL: "failed to connect to …", SQLSTATE 57P01–57P03 while
 * PostgreSQL starts or shuts down). An outage all the same: retried, never dead-lettered.
 */
const STORAGE_RESTARTING =
  /failed to connect to `|database system is (starting up|shutting down)|SQLSTATE 57P0[1-3]|terminating connection due to administrator command/i;

/** Errors from drivers that mean "try again later" (network, broker or database restarting). */
export function isRetriable(error: unknown): boolean {
  if (error instanceof AppError) return error.retriable;
  if (!(error instanceof Error)) return false;
  const e = error as Error & { retriable?: boolean; code?: unknown; errorLabels?: unknown };
  if (e.retriable === true) return true;
  if (Array.isArray(e.errorLabels) && (e.errorLabels.includes('RetryableWriteError') || e.errorLabels.includes('ResetPool'))) return true;
  if (e.name === 'MongoServerError' && typeof e.code === 'number' && RESTARTING_SERVER_CODES.has(e.code)) return true;
  if (STORAGE_RESTARTING.test(e.message)) return true;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|MongoNetwork|MongoServerSelection|KafkaJSConnection|KafkaJSNumberOfRetriesExceeded|KafkaJSRequestTimeout|topology was destroyed|Connection is closed/i.test(
    `${e.name} ${e.message}`,
  );
}
