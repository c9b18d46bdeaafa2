import { countryScope, notFound, recordListRead, type AccessRecorder, type Actor } from '@vetting/platform';
import { isDecidable, type CaseInputs } from '../domain/case-inputs';
import type { ClearanceCase } from '../domain/clearance-case';
import { officeView, openFor } from '../domain/acknowledge-flag';
import { evaluatePolicy } from '../domain/evaluate-policy';
import { replayDecision } from '../domain/replay-decision';
import type { CaseDataCipher } from '../data/case-data.cipher';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';
import type { PolicyRepository } from '../data/policy.repository';

export interface ReadDeps {
  repository: ClearanceCaseRepository;
  policies: PolicyRepository;
  access: AccessRecorder;
  cipher: CaseDataCipher;
  now: () => Date;
}

/** Inputs without sealed texts (what the case view repeats in each decision). */
function withoutSealed(i: CaseInputs): CaseInputs {
  return {
    ...i,
    candidateResponses: i.candidateResponses.map(({ sealedSummary: _s, summary: _c, ...r }) => r),
    ...(i.notices ? { notices: i.notices.map(({ sealedText: _t, ...n }) => ({ ...n, sealedText: '' })) } : {}),
  };
}

async function load(deps: ReadDeps, candidateId: string): Promise<ClearanceCase> {
  const found = await deps.repository.find(candidateId);
  if (!found) throw notFound('CLEARANCE.NOT_FOUND', 'No clearance case for this candidate');
  return found;
}

export function caseView(c: ClearanceCase) {
  return {
    candidateId: c.candidateId,
    country: c.country,
    status: c.status,
    inputsVersion: c.inputsVersion,
    inputs: withoutSealed(c.inputs),
    decisions: c.decisions.map((d) => ({ ...d, inputs: withoutSealed(d.inputs) })),
    current: c.decisions.at(-1) ?? null,
    proposal: c.proposal ?? null,
    rejectedProposals: c.rejectedProposals,
    flags: c.flags,
    ...(c.validUntil ? { validUntil: c.validUntil } : {}),
    ...(c.withdrawn ? { withdrawn: c.withdrawn } : {}),
    ...(c.revetting ? { revetting: c.revetting } : {}),
    ...(c.revettings?.length ? { revettings: c.revettings } : {}),
  };
}

/** A sealed text opened for its reader; `null` once the person was erased. */
async function opened(deps: ReadDeps, field: string, sealed: string | undefined): Promise<string | null> {
  if (!sealed) return null;
  try {
    return await deps.cipher.openText(field, sealed);
  } catch (error) {
    if ((error as { code?: string }).code === 'CRYPTO.ERASED') return null;
    throw error;
  }
}

/**
 * A case with every decision, its inputs, flags and any open proposal (UN officers and auditors);
 * the findings the active policy sees now, each with its reason; the notices given to the candidate
 * and their responses, opened (every read recorded).
 */
export async function getCase(actor: Actor, candidateId: string, deps: ReadDeps) {
  const c = await load(deps, candidateId);
  await deps.access.record({
    actor,
    subjectId: candidateId,
    resource: 'clearance/case',
    purpose: 'review clearance decision',
    fields: ['decisions', 'inputs', 'flags', 'notices', 'candidateResponses'],
  });
  const policy = await deps.policies.active();
  const evaluation = isDecidable(c.inputs) ? evaluatePolicy(policy, c.inputs, deps.now()) : undefined;
  const notices = await Promise.all(
    (c.inputs.notices ?? []).map(async ({ sealedText, ...n }) => ({ ...n, text: await opened(deps, `notice:${n.noticeId}`, sealedText) })),
  );
  const responses = await Promise.all(
    c.inputs.candidateResponses.map(async ({ sealedSummary, summary, ...r }) => ({
      ...r,
      summary: summary ?? (await opened(deps, `response:${r.responseId}`, sealedSummary)),
    })),
  );
  return {
    ...caseView(c),
    evaluation: evaluation
      ? {
          policyVersion: policy.version,
          route: evaluation.route,
          recommendation: evaluation.recommendation ?? null,
          findings: evaluation.findings,
        }
      : null,
    notices,
    candidateResponses: responses,
  };
}

/** Replays one recorded decision with the policy version it names. */
export async function replayCaseDecision(actor: Actor, candidateId: string, decisionId: string, deps: ReadDeps) {
  const c = await load(deps, candidateId);
  const decision = c.decisions.find((d) => d.decisionId === decisionId);
  if (!decision) throw notFound('CLEARANCE.DECISION_NOT_FOUND', 'No such decision on this case');
  await deps.access.record({
    actor,
    subjectId: candidateId,
    resource: 'clearance/decision',
    purpose: 'replay clearance decision',
    fields: ['inputs'],
  });
  const replay = replayDecision(decision, await deps.policies.version(decision.policyVersion));
  return {
    ...replay,
    recorded: {
      outcome: decision.outcome,
      validUntil: decision.validUntil ?? null,
      decidedBy: decision.decidedBy,
      countersignedBy: decision.countersignedBy ?? null,
    },
  };
}

/** GET /adjudications: cases waiting for an adjudicator or a countersignature, oldest first. */
export async function adjudicationQueue(
  actor: Actor,
  query: { status?: 'awaiting-adjudication' | 'awaiting-countersignature'; limit?: number },
  deps: ReadDeps,
) {
  const statuses = query.status ? [query.status] : (['awaiting-adjudication', 'awaiting-countersignature'] as const);
  const cases = await deps.repository.listByStatus([...statuses], query.limit ?? 50);
  const items = cases.map((c) => {
    const last = c.decisions.at(-1);
    return {
      candidateId: c.candidateId,
      country: c.country,
      status: c.status,
      since: last?.decidedAt ?? null,
      policyVersion: last?.policyVersion ?? null,
      reasons: last?.reasons ?? [],
      inputsVersion: c.inputsVersion,
      proposal: c.proposal
        ? {
            proposalId: c.proposal.proposalId,
            outcome: c.proposal.outcome,
            proposedBy: c.proposal.proposedBy,
            proposedAt: c.proposal.proposedAt,
            stale: c.proposal.inputsVersion !== c.inputsVersion,
          }
        : null,
    };
  });
  const people = items.map((i) => i.candidateId);
  await recordListRead(deps.access, actor, people, {
    resource: 'clearance/adjudications',
    purpose: 'adjudication queue',
    fields: ['reasons'],
  });
  return { items };
}

/**
 * GET /flags: revoked clearances, newest first. A TCC office sees its own country's flags without
 * the reason (never the content of the new information); UN officers see the reason kind.
 * `open`: only the flags the caller's party (office or UN) has not acknowledged yet.
 */
export async function listFlags(actor: Actor, query: { country?: string; open?: boolean; limit?: number }, deps: ReadDeps) {
  const country = countryScope(actor, query.country);
  // An office token keeps the office's view whatever other role it also carries.
  const office = actor.roles.includes('tcc-officer');
  const party = office ? 'office' : 'un';
  const cases = await deps.repository.flagged(query.limit ?? 50, country);
  const items = cases.flatMap((c) =>
    c.flags
      .filter((f) => !query.open || openFor(f, party))
      .map((f) => ({
        flagId: f.flagId,
        candidateId: c.candidateId,
        country: c.country,
        kind: f.kind,
        raisedAt: f.raisedAt,
        revokedDecisionId: f.revokedDecisionId,
        caseStatus: c.status,
        ...(office ? {} : { reason: f.reason }),
        acknowledgements: office ? officeView(f).acknowledgements : (f.acknowledgements ?? []),
      })),
  );
  const people = items.map((i) => i.candidateId);
  await recordListRead(deps.access, actor, people, {
    resource: 'clearance/flags',
    purpose: 'flags on revoked clearances',
    fields: ['flags'],
  });
  return { items };
}
