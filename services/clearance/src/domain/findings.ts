import { checkRequirements, type PolicyRules } from '@vetting/policy';
import type { CaseInputs, CheckFindingCode, CheckInput, DeclaredItem, HitInput } from './case-inputs';

/**
 * One thing that is not clean, with who must look at it. Every finding goes to a person: a screening
 * officer for an unresolved possible match, an adjudicator for everything else. Nothing here refuses.
 */
export interface Finding {
  /** Stable key (`match:<list>/<entry>:<resolution>`, `check:<type>:<id>:<result>`…): a revocation and a notice compare keys. */
  key: string;
  action: 'adjudicate' | 'screening-review';
  reason: string;
  /** Adverse information about the person (not just missing information). */
  adverse: boolean;
}

const STATUS_WORDS: Record<string, string> = {
  barred: 'barred from future UN service',
  listed: 'on a sanctions list',
  'left-pending-allegation': 'recorded as having left UN service while an allegation against them was pending',
};

function hitFinding(h: HitInput): Finding | undefined {
  const resolution = h.resolution ?? 'unresolved';
  if (resolution === 'false-positive') return undefined;
  const status = h.entryStatus ? ` (${STATUS_WORDS[h.entryStatus] ?? h.entryStatus})` : '';
  if (resolution !== 'confirmed')
    return {
      key: `match:${h.listId}/${h.entryId}:${resolution}`,
      action: 'screening-review',
      adverse: false,
      reason: `a possible ban-list match${status} on ${h.listId} awaits review by a screening officer`,
    };
  if (h.entryStatus === 'left-pending-allegation')
    return {
      key: `left-pending-allegation:${h.listId}/${h.entryId}`,
      action: 'adjudicate',
      adverse: true,
      reason: `the person left UN service while an allegation against them was pending (${h.listId}); the allegation was never concluded, so an adjudicator must weigh it`,
    };
  return {
    key: `match:${h.listId}/${h.entryId}:confirmed`,
    action: 'adjudicate',
    adverse: true,
    reason: `a screening officer confirmed a ban-list match${status} on ${h.listId}`,
  };
}

export function screeningFindings(inputs: CaseInputs): Finding[] {
  const s = inputs.screening;
  if (!s) return [];
  const reviewable = (s.hits ?? []).filter((h) => h.band !== 'weak');
  const out = reviewable.flatMap((h) => hitFinding(h) ?? []);
  // A non-clear outcome with no reviewable hit on record still needs an officer: never assume clean.
  if (s.outcome !== 'clear' && out.length === 0 && !reviewable.some((h) => h.resolution === 'false-positive'))
    out.push({
      key: `screening:${s.outcome}`,
      action: 'screening-review',
      adverse: false,
      reason: 'the screening found a possible match that awaits review by a screening officer',
    });
  return out;
}

const REFEREE_REASONS: Record<CheckFindingCode, { adverse: boolean; reason: string }> = {
  'misconduct-finding': { adverse: true, reason: 'a prior employer reported a finding of sexual exploitation, abuse or harassment' },
  'left-during-investigation': {
    adverse: true,
    reason: 'a prior employer reported that the person left while an investigation into them was pending',
  },
  'unverified-responder': {
    adverse: false,
    reason:
      'the disclosure answer came from a contact outside the employer’s verified contacts and domains: it cannot be relied on as the employer’s',
  },
  'no-verified-contact': {
    adverse: false,
    reason: 'no verified contact could be found for a prior employer, so its misconduct disclosure was never asked',
  },
};

function checkFindings(c: CheckInput): Finding[] {
  const id = c.checkId ?? '-';
  const named = (c.findings ?? []).map((code) => ({
    key: `referee:${id}:${code}`,
    action: 'adjudicate' as const,
    ...REFEREE_REASONS[code],
    reason: `${REFEREE_REASONS[code].reason} (${c.checkType} ${id})`,
  }));
  const key = `check:${c.checkType}:${id}:${c.result}`;
  const out: Finding[] = [...named];
  if (c.result === 'adverse' && !named.some((f) => f.adverse))
    out.push({ key, action: 'adjudicate', adverse: true, reason: `the ${c.checkType} check returned adverse information` });
  if (c.result === 'no-response')
    out.push({ key, action: 'adjudicate', adverse: false, reason: `the ${c.checkType} check had no response by its deadline` });
  if (c.result === 'failed' && !named.length)
    out.push({ key, action: 'adjudicate', adverse: false, reason: `the ${c.checkType} check could not be carried out` });
  return out;
}

/** Results that are not clean, and required checks without enough results (policy: packages/policy checkRequirements). */
export function referenceFindings(inputs: CaseInputs, rules: PolicyRules, at: Date): Finding[] {
  const checks = inputs.references?.checks ?? [];
  const out = checks.flatMap(checkFindings);
  const nomination = inputs.nomination;
  if (!nomination) return out;
  const since = nomination.submittedAt ? new Date(nomination.submittedAt) : at;
  if (!nomination.employment && (rules.requiredChecks[nomination.category] ?? []).includes('misconduct-disclosure'))
    out.push({
      key: 'employment:unknown',
      action: 'adjudicate',
      adverse: false,
      reason: 'the nomination holds no employment history or declaration, so the misconduct disclosures it needs cannot be known',
    });
  for (const r of checkRequirements(rules, nomination.category, nomination.employment, since)) {
    const results = checks.filter((c) => c.checkType === r.checkType && c.result !== 'not-required').length;
    if (results < r.count)
      out.push({
        key: `missing:${r.checkType}`,
        action: 'adjudicate',
        adverse: false,
        reason: `the ${r.checkType} check has ${results} of the ${r.count} result(s) required (${r.why})`,
      });
  }
  return out;
}

const DECLARED_REASONS: Record<DeclaredItem, string> = {
  misconductAllegation: 'the candidate declared a past allegation or investigation of sexual exploitation, abuse or harassment',
  criminalOffence: 'the candidate declared a criminal conviction, investigation or prosecution',
  humanRightsViolation: 'the candidate declared involvement in a violation of international human-rights or humanitarian law',
  repatriatedOnDisciplinaryGrounds: 'the candidate declared a repatriation from a UN operation on disciplinary grounds',
};

/** Each "yes" of the candidate's self-declaration is a finding of its own. */
export function declarationFindings(inputs: CaseInputs): Finding[] {
  return (inputs.nomination?.declared ?? []).map((item) => ({
    key: `self-declaration:${item}`,
    action: 'adjudicate',
    adverse: true,
    reason: DECLARED_REASONS[item] ?? `the candidate declared ${item}`,
  }));
}

/**
 * A prior employer the office's correction dropped while its misconduct disclosure request was still
 * held: that employer was never asked. Not adverse in itself, but an office must not be able to make a
 * pending reference vanish by editing the nomination, so an adjudicator sees it and why.
 */
export function correctionFindings(inputs: CaseInputs): Finding[] {
  return (inputs.droppedRequests ?? []).map((d) => ({
    key: `dropped-employer:${d.checkId}`,
    action: 'adjudicate',
    adverse: false,
    reason: `the office's correction of the nomination (revision ${d.byRevision}) removed a prior employer whose misconduct disclosure request was still waiting to be sent, so that employer was never asked`,
  }));
}
