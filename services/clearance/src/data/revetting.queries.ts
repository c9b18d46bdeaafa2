import type { ClearanceCase } from '../domain/clearance-case';

/** Finds cases on the view's top-level fields (ClearanceCaseRepository.findCases). */
type FindCases = (filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit: number) => Promise<ClearanceCase[]>;

/** The due query reads cleared cases by the time of their clearance. */
export const REVETTING_INDEXES: Record<string, 1 | -1>[] = [{ status: 1, clearedAt: 1 }];

/**
 * Cleared cases whose clearance was decided by `clearedBy`, oldest first: the candidates for a
 * re-vetting (the domain checks each exactly: category, interval, still valid). `skip` holds those a
 * pass already looked at, since the view lags the revisions.
 */
export function clearedBy(find: FindCases, at: Date, limit: number, options: { skip?: string[]; country?: string } = {}) {
  const filter: Record<string, unknown> = { status: 'cleared', clearedAt: { $lte: at.toISOString() } };
  if (options.skip?.length) filter._id = { $nin: options.skip };
  if (options.country) filter.country = options.country;
  return find(filter, { clearedAt: 1 }, limit);
}

/** Cases with a re-vetting in progress, oldest first (a withdrawn nomination is no longer followed). */
export function revettingsInProgress(find: FindCases, limit: number, country?: string) {
  const filter: Record<string, unknown> = { revetting: { $exists: true }, status: { $ne: 'withdrawn' } };
  if (country) filter.country = country;
  return find(filter, { _updatedAt: 1 }, limit);
}
