import type { Logger } from '@vetting/platform';
import type { ListRepository } from '../data/list.repository';
import { ActiveLists } from '../domain/active-lists';

/**
 * The lists this process screens against, held in memory, and `reload(listId)` that brings one up
 * to its active version (a no-op when it is already there). Every active list is loaded at start.
 */
export async function loadActiveLists(
  repository: ListRepository,
  logger: Logger,
  thresholds: { upper?: number | undefined; lower?: number | undefined },
) {
  const lists = new ActiveLists(
    thresholds.upper !== undefined && thresholds.lower !== undefined ? { upper: thresholds.upper, lower: thresholds.lower } : undefined,
  );
  const reload = async (listId: string) => {
    const current = await repository.current(listId);
    if (!current || (lists.versionOf(listId)?.version ?? 0) >= current.activeVersion) return;
    const ref = { listId, version: current.activeVersion, contentHash: current.contentHash };
    lists.replace(ref, await repository.entriesOf(ref));
    logger.info({ listId, version: ref.version }, 'list version loaded');
  };
  for (const ref of await repository.activeLists()) await reload(ref.listId);
  return { lists, reload };
}
