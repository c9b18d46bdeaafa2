import { describe, expect, it } from 'vitest';
import { proposeAdjudication, countersignAdjudication } from './adjudication';
import { applyInputChange, type CheckResult, type InputChange } from './case-inputs';
import { emptyCase, type ClearanceCase, type Decision } from './clearance-case';
import { BUILT_IN_POLICY, CATEGORIES, type ClearancePolicy } from './clearance-policy';
import { findingKeys, evaluatePolicy } from './evaluate-policy';
import { reconsiderCase } from './reconsider-case';
import { replayDecision } from './replay-decision';

/** A small seeded generator, so a failing case can be reproduced from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}

const CHECKS = ['misconduct-disclosure', 'national-criminal-record', 'disciplinary-record'] as const;
const RESULTS: CheckResult[] = ['no-adverse', 'no-adverse', 'no-adverse', 'adverse', 'no-response', 'failed', 'not-required'];

const DEFAULT_POLICY: ClearancePolicy = { ...BUILT_IN_POLICY, version: 1 };

function randomPolicy(r: ReturnType<typeof rng>, version: number): ClearancePolicy {
  return {
    ...DEFAULT_POLICY,
    version,
    requiredChecks: Object.fromEntries(CATEGORIES.filter(() => r.chance(0.5)).map((c) => [c, CHECKS.filter(() => r.chance(0.4))])),
    employmentLookbackYears: r.pick([3, 5, 7]),
    validity: {
      months: 1 + Math.floor(r.next() * 24),
      rotationEnds: r.chance(0.5) ? [{ mission: 'M1', rotation: 'R1', endsOn: '2026-08-31' }] : [],
    },
  };
}

function randomChange(r: ReturnType<typeof rng>, c: ClearanceCase, step: number): InputChange {
  const screening = c.inputs.screening;
  const kind = r.pick(['nomination', 'screening', 'screening', 'references', 'check', 'resolve'] as const);
  if (kind === 'nomination') {
    const periods = [
      { from: '2015', to: '2022-06' },
      { from: '2022-07', nationalService: true },
    ].filter(() => r.chance(0.7));
    const employment = r.chance(0.9) ? { employment: { periods, declaredNoOtherEmployer: r.chance(0.5) } } : {};
    return {
      kind,
      value: {
        revision: 1 + Math.floor(step / 6),
        mission: 'M1',
        rotation: r.pick(['R1', 'R2']),
        category: r.pick(CATEGORIES),
        submittedAt: '2026-01-01T00:00:00.000Z',
        ...employment,
      },
    };
  }
  if (kind === 'resolve' && screening?.hits?.length) {
    const hit = r.pick(screening.hits);
    return {
      kind: 'match-resolved',
      value: {
        screeningId: screening.screeningId,
        listId: hit.listId,
        entryId: hit.entryId,
        resolution: r.pick(['false-positive', 'confirmed'] as const),
        resolvedBy: 'screener',
        outcome: r.pick(['clear', 'possible-match'] as const),
      },
    };
  }
  if (kind === 'references' || (kind === 'check' && !c.inputs.references))
    return {
      kind: 'references',
      value: {
        revision: 1,
        checks: CHECKS.filter(() => r.chance(0.6)).map((t) => ({ checkId: `k-${t}`, checkType: t, result: r.pick(RESULTS) })),
      },
    };
  if (kind === 'check')
    return { kind: 'check', value: { checkId: `k-${r.pick(CHECKS)}`, checkType: r.pick(CHECKS), result: r.pick(RESULTS) } };
  const hits = r.chance(0.6)
    ? []
    : [{ listId: 'un-sea', entryId: `e${Math.floor(r.next() * 3)}`, band: r.pick(['match', 'possible-match', 'weak'] as const) }];
  return {
    kind: 'screening',
    value: {
      screeningId: `s${step}`,
      revision: c.inputs.nomination?.revision ?? 1,
      outcome: hits.length && hits[0]!.band !== 'weak' ? 'possible-match' : 'clear',
      listVersions: [{ listId: 'un-sea', version: step, contentHash: `h${step}` }],
      hits,
    },
  };
}

/** Drives one case through random inputs, policy versions and adjudications; returns its decisions. */
function simulate(seed: number, versions: Map<number, ClearancePolicy>): Decision[] {
  const r = rng(seed);
  let c = emptyCase(`c${seed}`, 'GH');
  let clock = Date.parse('2026-01-01T00:00:00Z');
  for (let step = 0; step < 30; step++) {
    clock += Math.floor(r.next() * 5 * 86_400_000);
    const now = new Date(clock);
    if (r.chance(0.1)) versions.set(versions.size + 1, randomPolicy(r, versions.size + 1));
    const policy = versions.get(versions.size)!;
    if ((c.status === 'awaiting-adjudication' || c.status === 'awaiting-countersignature') && r.chance(0.5)) {
      // The candidate is given notice of the findings (and sometimes answers) before a refusal can hold.
      if (r.chance(0.4)) {
        const findings = findingKeys(evaluatePolicy(policy, c.inputs, now).findings);
        const noticeId = `n${step}`;
        const respondBy = new Date(clock + 14 * 86_400_000).toISOString();
        const notice = {
          noticeId,
          sentAt: now.toISOString(),
          respondBy,
          channel: 'letter' as const,
          findings,
          sealedText: 's',
          recordedBy: 'officer-a',
          recordedAt: now.toISOString(),
        };
        let inputs = applyInputChange(c.inputs, { kind: 'notice', value: notice })!;
        if (r.chance(0.5))
          inputs = applyInputChange(inputs, {
            kind: 'candidate-response',
            value: { responseId: `r${step}`, noticeId, declined: r.chance(0.3), receivedAt: now.toISOString(), recordedBy: 'officer-a' },
          })!;
        c = { ...c, inputs, inputsVersion: c.inputsVersion + 1 };
        continue;
      }
      try {
        const outcome = r.pick(['cleared', 'not-cleared'] as const);
        const proposed = proposeAdjudication(c, 'officer-a', { outcome, reasons: ['judged'], overrideReason: 'because' }, policy, now);
        c = proposed.next;
        if (proposed.proposal && r.chance(0.7))
          c = countersignAdjudication(
            c,
            'officer-b',
            { proposalId: proposed.proposal.proposalId, approve: r.chance(0.8), reason: 'agreed' },
            policy,
            now,
          ).next;
      } catch {
        // refused (e.g. the candidate's response is not on file): the simulation moves on
      }
      continue;
    }
    const inputs = applyInputChange(c.inputs, randomChange(r, c, step));
    if (inputs) c = reconsiderCase({ ...c, inputs, inputsVersion: c.inputsVersion + 1 }, policy, now).next;
  }
  return c.decisions;
}

describe('replaying a decision from its recorded inputs and policy version', () => {
  it('when 400 generated cases are replayed, then every decision comes out the same (outcome, validity, rules)', () => {
    let decisions = 0;
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 400; seed++) {
      const versions = new Map([[1, { ...DEFAULT_POLICY }]]);
      for (const stored of simulate(seed, versions)) {
        const decision = JSON.parse(JSON.stringify(stored)) as Decision; // as read back from the database
        const replay = replayDecision(decision, versions.get(decision.policyVersion)!);
        expect(replay.problems, `seed ${seed} decision ${decision.decisionId}`).toEqual([]);
        expect(replay.outcome).toBe(decision.outcome);
        expect(replay.validUntil).toBe(decision.validUntil);
        decisions++;
        kinds.add(`${decision.kind}:${decision.outcome}`);
      }
    }
    expect(decisions).toBeGreaterThan(1000);
    // No automatic refusal exists: a refusal is always adjudicated.
    expect([...kinds].sort()).toEqual(['adjudicated:cleared', 'adjudicated:not-cleared', 'automatic:cleared', 'automatic:pending-review']);
  });

  it('when a recorded decision was altered or is replayed with another policy version, then the replay says it is inconsistent', () => {
    const versions = new Map([[1, { ...DEFAULT_POLICY }]]);
    const decision = simulate(7, versions).find((d) => d.kind === 'automatic')!;
    const flipped = { ...decision, outcome: decision.outcome === 'cleared' ? ('not-cleared' as const) : ('cleared' as const) };
    expect(replayDecision(flipped, versions.get(flipped.policyVersion)!).consistent).toBe(false);
    const other = { ...randomPolicy(rng(99), 42) };
    expect(replayDecision(decision, other).problems[0]).toMatch(/names policy v/);
  });

  it('when a recorded refusal rests on findings the candidate had no notice of, then the replay flags it', () => {
    const versions = new Map<number, ClearancePolicy>([[1, { ...DEFAULT_POLICY }]]);
    for (let seed = 1; seed < 400; seed++) {
      const refusal = simulate(seed, versions).find((d) => d.kind === 'adjudicated' && d.outcome === 'not-cleared');
      if (!refusal) continue;
      const unnoticed = { ...refusal, inputs: { ...refusal.inputs, notices: [] } };
      expect(replayDecision(unnoticed, versions.get(refusal.policyVersion)!).problems).toContain(
        'a refusal before the candidate could respond (CLEARANCE.NOTICE_REQUIRED)',
      );
      return;
    }
    throw new Error('no refusal generated');
  });

  it('when an override lacks a second officer, then the replay flags the broken four-eyes rule', () => {
    const versions = new Map<number, ClearancePolicy>([[1, { ...DEFAULT_POLICY }]]);
    for (let seed = 1; seed < 200; seed++) {
      const override = simulate(seed, versions).find((d) => d.kind === 'adjudicated' && d.outcome === 'cleared');
      if (!override) continue;
      const { countersignedBy: _c, ...alone } = override;
      expect(replayDecision(alone, versions.get(override.policyVersion)!).problems).toContain(
        'an override without a countersignature by a second officer',
      );
      return;
    }
    throw new Error('no override generated');
  });
});
