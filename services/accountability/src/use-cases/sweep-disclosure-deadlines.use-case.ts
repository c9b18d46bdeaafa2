import { becomesOverdue } from '../domain/disclosure-request';
import { disclosureEvent, type DisclosureDeps } from './disclosure-context';

/**
 * The deadline job: marks each unanswered request overdue once its deadline passed, with an event
 * (`disclosure.overdue`) for whoever answers it. Keyed by request, so replicas mark it once.
 */
export async function sweepDisclosureDeadlines(deps: DisclosureDeps): Promise<number> {
  const now = deps.now();
  let changes = 0;
  for await (const r of deps.disclosures.scan({
    state: { $in: ['open', 'awaiting-countersignature'] },
    dueBy: { $lt: now.toISOString() },
  })) {
    const at = now.toISOString();
    const result = await deps.disclosures.change(r.id, `overdue:${r.id}`, (latest) => {
      if (!latest || !becomesOverdue(latest, now)) return undefined;
      const state = { ...latest, overdueSince: at };
      return { state, events: [disclosureEvent(state, 'overdue', 'deadline-job', at, { dueBy: state.dueBy })] };
    });
    if (result.outcome === 'applied') changes++;
  }
  if (changes) deps.onEvents();
  return changes;
}
