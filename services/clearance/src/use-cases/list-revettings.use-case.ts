import { countryScope, type AccessRecorder, type Actor } from '@vetting/platform';
import { activeClearance, type ClearanceCase } from '../domain/clearance-case';
import { revettingDueAt } from '../domain/revetting';
import { clearedBy, revettingsInProgress } from '../data/revetting.queries';
import { monthsBefore, shortestInterval, type RevettingDeps } from './open-due-revettings.use-case';

export interface RevettingQuery {
  state?: 'due' | 'in-progress';
  country?: string;
  /** `due`: those due within this many days from now (already due included). Default 30. */
  withinDays?: number;
  limit?: number;
}

const DAY = 86_400_000;

function item(c: ClearanceCase, dueAt: string | undefined) {
  const n = c.inputs.nomination;
  const active = activeClearance(c);
  const r = c.revetting;
  return {
    candidateId: c.candidateId,
    country: c.country,
    state: r ? ('in-progress' as const) : ('due' as const),
    category: n?.category ?? null,
    mission: n?.mission ?? null,
    rotation: n?.rotation ?? null,
    caseStatus: c.status,
    dueAt: r?.dueAt ?? dueAt ?? null,
    previousDecisionId: r?.previousDecisionId ?? active?.decisionId ?? null,
    validUntil: r?.previousValidUntil ?? active?.validUntil ?? null,
    revettingId: r?.revettingId ?? null,
    openedAt: r?.openedAt ?? null,
  };
}

/**
 * GET /revettings: who is due for periodic re-vetting (within `withinDays`), or being re-vetted now.
 * Ids, categories and dates only (no personal data); an office sees its own country's.
 */
export async function listRevettings(actor: Actor, query: RevettingQuery, deps: RevettingDeps & { access: AccessRecorder }) {
  const country = countryScope(actor, query.country);
  const limit = query.limit ?? 50;
  if (query.state === 'in-progress')
    return { items: (await revettingsInProgress(deps.repository.findCases, limit, country)).map((c) => item(c, undefined)) };
  const policy = await deps.policies.active();
  const shortest = shortestInterval(policy);
  if (!shortest) return { items: [] };
  const horizon = new Date(deps.now().getTime() + (query.withinDays ?? 30) * DAY);
  const cases = await clearedBy(deps.repository.findCases, monthsBefore(horizon, shortest), 500, country ? { country } : {});
  const items = cases
    .map((c) => ({ c, due: revettingDueAt(c, policy) }))
    .filter(({ c, due }) => due && due <= horizon && !c.revetting)
    .sort((a, b) => a.due!.getTime() - b.due!.getTime())
    .slice(0, limit)
    .map(({ c, due }) => item(c, due!.toISOString()));
  return { items };
}
