import type { BanListEntry } from './ban-list-entry';
import type { ImportProblem } from './import-error';

/** Something kept or dropped on purpose that an operator may want to see; never a reason to reject. */
export type ImportWarning = ImportProblem;

export interface ImportResult {
  entries: BanListEntry[];
  warnings: ImportWarning[];
  /** When the publisher generated the list, if the file says (UN `dateGenerated`, OFAC `Publish_Date`), ISO 8601. */
  publishedAt?: string;
}
