import { CATEGORIES, revettingMonths } from '@vetting/policy';
import { activeClearance } from '../domain/clearance-case';
import { addMonths } from '../domain/clearance-policy';
import { openRevetting } from '../domain/revetting';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';
import type { PolicyRepository } from '../data/policy.repository';
import { clearedBy } from '../data/revetting.queries';
import { revettingOpenedEvent } from './revetting.events';

export interface RevettingDeps {
  repository: ClearanceCaseRepository;
  policies: PolicyRepository;
  now: () => Date;
  onEvents: () => void;
}

/** The shortest re-vetting interval of the policy, in months; undefined when it re-vets nobody. */
export function shortestInterval(policy: Parameters<typeof revettingMonths>[0]): number | undefined {
  const months = CATEGORIES.map((c) => revettingMonths(policy, c)).filter((m): m is number => Boolean(m));
  return months.length ? Math.min(...months) : undefined;
}

export const monthsBefore = (at: Date, months: number) => addMonths(at, -months);

/**
 * Opens the re-vetting of every cleared person due under the active policy, in batches. Each one is
 * stored under `revet:<decisionId of the clearance>`: the aggregate store's unique cause lets one
 * write win whatever the number of replicas running the pass at once, and a pass repeated after a
 * crash finds it done, so each clearance is re-opened once and `clearance.revetting-opened` emitted once.
 */
export async function openDueRevettings(deps: RevettingDeps, batchSize = 100): Promise<number> {
  const policy = await deps.policies.active();
  const shortest = shortestInterval(policy);
  if (!shortest) return 0;
  const now = deps.now();
  const skip: string[] = [];
  let opened = 0;
  for (;;) {
    const due = await clearedBy(deps.repository.findCases, monthsBefore(now, shortest), batchSize, { skip });
    for (const c of due) {
      const active = activeClearance(c);
      const result = active
        ? await deps.repository.apply(c.candidateId, c.country, `revet:${active.decisionId}`, (current) => {
            const o = openRevetting(current, policy, now);
            return o ? { next: o.next, events: [revettingOpenedEvent(current, o.revetting)] } : undefined;
          })
        : undefined;
      if (result?.outcome === 'applied') opened++;
      // Opened, not due yet (a longer interval for its category) or already opened: not read again this pass (the view lags).
      skip.push(c.candidateId);
    }
    if (due.length < batchSize) break;
  }
  if (opened) deps.onEvents();
  return opened;
}
