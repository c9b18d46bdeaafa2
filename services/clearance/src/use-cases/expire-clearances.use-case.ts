import { activeClearance } from '../domain/clearance-case';
import { expireCase } from '../domain/reconsider-case';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';
import { expiredEvent } from './clearance.events';

export interface ExpiryDeps {
  repository: ClearanceCaseRepository;
  now: () => Date;
  onEvents: () => void;
}

/**
 * Expires every clearance whose end has passed, in batches. The database has no TTL indexes
 * (FerretDB), so this runs on a timer. Each expiry is stored once per clearance (`expire:<decisionId>`),
 * so two instances, or a run repeated after a crash, emit `clearance.expired` once.
 */
export async function expireDueClearances(deps: ExpiryDeps, batchSize = 100): Promise<number> {
  const now = deps.now();
  const passed: string[] = [];
  let expired = 0;
  for (;;) {
    const due = await deps.repository.dueForExpiry(now, batchSize, passed);
    for (const { id, country } of due) {
      const active = activeClearance((await deps.repository.find(id)) ?? ({ status: 'awaiting-inputs', decisions: [] } as never));
      const result = active
        ? await deps.repository.apply(id, country, `expire:${active.decisionId}`, (current) => {
            const e = expireCase(current, now);
            return e ? { next: e.next, events: [expiredEvent(id, country, e.expired)] } : undefined;
          })
        : undefined;
      if (result?.outcome === 'applied') expired++;
      // The view lags the revisions: skip what is not (or no longer) due instead of reading it again.
      else passed.push(id);
    }
    if (due.length < batchSize) break;
  }
  if (expired) deps.onEvents();
  return expired;
}
