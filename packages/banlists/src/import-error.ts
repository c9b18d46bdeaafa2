/** Where in the file a problem is and what it is. Lines and rows are 1-based, as an editor shows them. */
export interface ImportProblem {
  /** Physical line in the file. */
  line?: number;
  /** Data row (CSV: the line the record starts on; JSON: 1-based index in `entries`). */
  row?: number;
  /** XML element or JSON path, e.g. `INDIVIDUAL[12]/REFERENCE_NUMBER`, `entries[3].names`. */
  element?: string;
  /** Column or property name. */
  field?: string;
  reason: string;
}

/** Which importer found the problem; also the `source` of an import's warnings. */
export type ImportFormat =
  'un-consolidated-xml' | 'ofac-sdn-csv' | 'ofac-consolidated-xml' | 'platform-csv' | 'platform-json' | 'manual-entry';

export const IMPORT_ERROR_CODE = 'BANLIST.FILE_REJECTED';

/** Most problems listed in one error: a broken file can have thousands, the first hundred are enough to fix it. */
export const MAX_REPORTED_PROBLEMS = 100;

/**
 * The whole file is rejected: no entry of it may be used. Never retriable, the same bytes fail the same way.
 * `problems` holds up to {@link MAX_REPORTED_PROBLEMS}; `problemCount` says how many there were.
 */
export class ImportError extends Error {
  readonly code = IMPORT_ERROR_CODE;
  readonly retriable = false;
  readonly problemCount: number;

  constructor(
    readonly format: ImportFormat,
    readonly problems: ImportProblem[],
    options?: { cause?: unknown; problemCount?: number },
  ) {
    const count = options?.problemCount ?? problems.length;
    super(`${format}: file rejected, ${count} problem${count === 1 ? '' : 's'}: ${describeProblems(problems)}`, {
      cause: options?.cause,
    });
    this.name = 'ImportError';
    this.problems = problems.slice(0, MAX_REPORTED_PROBLEMS);
    this.problemCount = count;
  }
}

export function describeProblem(p: ImportProblem): string {
  const at = [
    p.line !== undefined ? `line ${p.line}` : undefined,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.element,
    p.field !== undefined ? `field "${p.field}"` : undefined,
  ].filter(Boolean);
  return at.length ? `${at.join(', ')}: ${p.reason}` : p.reason;
}

function describeProblems(problems: ImportProblem[]): string {
  const shown = problems.slice(0, 5).map(describeProblem).join('; ');
  return problems.length > 5 ? `${shown}; …` : shown;
}

/** Collects problems and throws them together, so one run reports every bad row (up to the cap). */
export class ProblemCollector {
  private readonly list: ImportProblem[] = [];
  private count = 0;

  constructor(private readonly format: ImportFormat) {}

  add(problem: ImportProblem): void {
    this.count += 1;
    if (this.list.length < MAX_REPORTED_PROBLEMS) this.list.push(problem);
  }

  get size(): number {
    return this.count;
  }

  throwIfAny(): void {
    if (this.count > 0) throw new ImportError(this.format, this.list, { problemCount: this.count });
  }
}
