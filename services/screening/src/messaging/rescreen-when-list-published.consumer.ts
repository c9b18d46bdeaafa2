import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { ListRepository } from '../data/list.repository';
import type { RescreenRepository } from '../data/rescreen.repository';
import type { SubjectRepository } from '../data/subject.repository';

export interface RescreenTriggerDeps {
  repository: ListRepository;
  rescreens: RescreenRepository;
  subjects: SubjectRepository;
  now: () => Date;
  /** `full` re-screens everyone against the whole list every time. */
  mode: 'auto' | 'full';
  /** In auto mode, a version changing more than this share of the list is re-screened in full. */
  deltaLimit: number;
  kick: () => void;
}

/**
 * A published list version opens one re-screening job (a redelivered event finds it open). Delta
 * mode searches only the added and changed entries for people with no hit or weak hit on the list
 * (everyone else is re-scored in full); full mode is used for a first version, a large change, or
 * when an earlier job of the same list is still open (its people may not have seen that change).
 */
export function createRescreenTriggerHandlers(deps: RescreenTriggerDeps): Record<string, EventHandler> {
  return {
    'banlist.published': async (event, ctx) => {
      const { list, entryCount, diff } = event.data as unknown as EventDataByType['banlist.published'];
      const open = (await deps.rescreens.running()).some((j) => j.listId === list.listId && j.version < list.version);
      const touched = diff.added + diff.changed;
      const full = deps.mode === 'full' || list.version === 1 || open || touched > deps.deltaLimit * Math.max(1, entryCount);
      const result = await deps.rescreens.create(
        {
          listId: list.listId,
          version: list.version,
          status: 'running',
          mode: full ? 'full' : 'delta',
          deltaIds: [],
          cursor: '',
          batches: 0,
          processed: 0,
          changed: 0,
          total: await deps.subjects.count(),
          startedAt: deps.now().toISOString(),
        },
        event.id,
      );
      ctx.logger.info(
        { listId: list.listId, version: list.version, mode: full ? 'full' : 'delta', created: result.outcome === 'applied' },
        're-screening opened',
      );
      deps.kick();
    },
  };
}
