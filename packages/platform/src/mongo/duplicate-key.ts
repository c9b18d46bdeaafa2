/** The server's duplicate-key code: the one atomic "already there" check FerretDB v1 and MongoDB share. */
const DUPLICATE_KEY = 11000;

/** One document's failure inside a bulk command. */
export interface WriteError {
  index: number;
  code: number;
  errmsg?: string;
}

/** A duplicate-key error (or a bulk command's write error): the document with that id exists, i.e. "already done". */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | undefined)?.code === DUPLICATE_KEY;

/** The per-document errors of a failed bulk command; none when the command failed as a whole. */
export function writeErrorsOf(error: unknown): WriteError[] {
  const writeErrors = (error as { writeErrors?: WriteError[] | WriteError }).writeErrors;
  return Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
}

/**
 * The indexes a failed unordered bulk insert found already stored. Throws the error unless every
 * failure was a duplicate key: a command that failed as a whole tells nothing of its documents.
 */
export function duplicateIndexes(error: unknown): number[] {
  const list = writeErrorsOf(error);
  if (!list.length || !list.every(isDuplicateKey)) throw error;
  return list.map((e) => e.index);
}
