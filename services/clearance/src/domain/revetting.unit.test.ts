import { describe, expect, it } from 'vitest';
import { changeWithInput } from '../use-cases/record-input.use-case';
import type { InputChange } from './case-inputs';
import { at, caseWith, cleanRecordChecks, inputs, policy, possibleHit, seqId } from '../testing/fixtures';
import type { ClearanceCase } from './clearance-case';
import { expireCase, reconsiderCase, withdrawCase } from './reconsider-case';
import { eraseFromRevetting, openRevetting, revettingDueAt } from './revetting';

// Cleared on 2026-03-01 for 12 months; the built-in policy re-vets a soldier 11 months later.
const dueAt = new Date('2027-02-01T10:00:00.000Z');
const afterDue = new Date('2027-02-02T00:00:00.000Z');

function cleared(): ClearanceCase {
  return reconsiderCase(caseWith(inputs()), policy(), at, seqId).next;
}

function opened(): ClearanceCase {
  return openRevetting(cleared(), policy(), afterDue, seqId)!.next;
}

const rev2: Record<'nomination' | 'screening' | 'references', InputChange> = {
  nomination: { kind: 'nomination', value: { ...inputs().nomination!, revision: 2, submittedAt: afterDue.toISOString() } },
  screening: { kind: 'screening', value: { ...inputs().screening!, screeningId: 's-2', revision: 2 } },
  references: { kind: 'references', value: { revision: 2, checks: cleanRecordChecks.map((c) => ({ ...c, checkId: `${c.checkId}-2` })) } },
};

function feed(c: ClearanceCase, changes: InputChange[], when: Date) {
  let current = c;
  let last: ReturnType<typeof changeWithInput>;
  for (const change of changes) {
    last = changeWithInput(current, change, policy(), when);
    if (last) current = last.next;
  }
  return { case: current, events: last?.events ?? [] };
}

describe('periodic re-vetting', () => {
  it('when a cleared soldier’s interval has not passed, then nothing opens; once it has, one re-vetting opens and the clearance holds', () => {
    expect(revettingDueAt(cleared(), policy())?.toISOString()).toBe(dueAt.toISOString());
    expect(openRevetting(cleared(), policy(), new Date('2027-01-31T00:00:00.000Z'), seqId)).toBeUndefined();
    const o = openRevetting(cleared(), policy(), afterDue, seqId)!;
    expect(o.revetting).toMatchObject({ dueAt: dueAt.toISOString(), afterRevision: 1, previousValidUntil: '2027-03-01T10:00:00.000Z' });
    expect(o.next).toMatchObject({ status: 'cleared', validUntil: '2027-03-01T10:00:00.000Z' });
    expect(o.next.clearedAt).toBeUndefined();
    expect(openRevetting(o.next, policy(), afterDue, seqId)).toBeUndefined();
  });

  it('when the person was withdrawn or erased, or the category is not re-vetted, then no re-vetting opens', () => {
    expect(openRevetting(withdrawCase(cleared(), 'left the service', at)!, policy(), afterDue, seqId)).toBeUndefined();
    expect(openRevetting(eraseFromRevetting(cleared(), at)!, policy(), afterDue, seqId)).toBeUndefined();
    expect(openRevetting(cleared(), policy({ revetting: {} }), afterDue, seqId)).toBeUndefined();
  });

  it('when the fresh screening and checks come in clean, then the previous clearance holds until the new decision, which renews it and names it', () => {
    const c = opened();
    const previous = c.revetting!.previousDecisionId;
    const partial = feed(c, [rev2.nomination, rev2.screening], afterDue);
    expect(partial.case).toMatchObject({ status: 'cleared', validUntil: '2027-03-01T10:00:00.000Z' });
    expect(partial.case.decisions).toHaveLength(1);
    const done = feed(partial.case, [rev2.references], afterDue);
    const decision = done.case.decisions.at(-1)!;
    expect(decision).toMatchObject({ outcome: 'cleared', candidateRevision: 2, revetting: { previousDecisionId: previous } });
    expect(done.case).toMatchObject({ status: 'cleared', validUntil: '2028-02-02T00:00:00.000Z', clearedAt: afterDue.toISOString() });
    expect(done.case.revetting).toBeUndefined();
    expect(done.case.revettings).toEqual([
      expect.objectContaining({ previousDecisionId: previous, decisionId: decision.decisionId, closedBy: 'decision' }),
    ]);
    expect(done.events.map((e) => [e.type, (e.data as { revetting?: unknown }).revetting])).toEqual([
      ['clearance.decided', { revettingId: c.revetting!.revettingId, previousDecisionId: previous }],
    ]);
  });

  it('when the previous clearance reaches its end before the results, then it expires, and the re-vetting’s decision clears again', () => {
    const expiredAt = new Date('2027-03-02T00:00:00.000Z');
    const expired = expireCase(feed(opened(), [rev2.nomination], afterDue).case, expiredAt)!.next;
    expect(expired.status).toBe('expired');
    const done = feed(expired, [rev2.screening, rev2.references], expiredAt);
    expect(done.case.status).toBe('cleared');
    expect(done.case.decisions.at(-1)?.revetting).toBeDefined();
  });

  it('when the fresh screening finds a possible match, then the clearance is revoked at once and that decision ends the re-vetting', () => {
    const match: InputChange = {
      kind: 'screening',
      value: { ...inputs().screening!, screeningId: 's-2', revision: 2, outcome: 'possible-match', hits: [possibleHit('e7')] },
    };
    const done = feed(opened(), [rev2.nomination, match], afterDue);
    expect(done.case.status).toBe('awaiting-screening-review');
    expect(done.events.map((e) => e.type)).toEqual(['clearance.revoked', 'clearance.decided']);
    expect(done.case.revettings?.[0]?.closedBy).toBe('decision');
  });

  it('when the findings an expired adjudicated clearance rested on are gone before the fresh checks are in, then nothing clears until they are', () => {
    const declared = caseWith(inputs({ declared: ['criminalOffence'] }));
    const adjudicated = reconsiderCase(declared, policy(), at, seqId).next;
    const decision = {
      ...adjudicated.decisions.at(-1)!,
      outcome: 'cleared' as const,
      kind: 'adjudicated' as const,
      decidedBy: 'adjudicator-1',
      validUntil: '2027-03-01T10:00:00.000Z',
    };
    const expiredAt = new Date('2027-03-02T00:00:00.000Z');
    const opened2 = openRevetting(
      { ...adjudicated, status: 'cleared', decisions: [...adjudicated.decisions.slice(0, -1), decision] },
      policy(),
      afterDue,
      seqId,
    )!.next;
    const c = expireCase(opened2, expiredAt)!.next;
    // Revision 2 declares nothing: with the old references alone the policy would clear the expired case at once.
    const partial = feed(c, [rev2.nomination, rev2.screening], expiredAt);
    expect(partial.case.status).toBe('expired');
    expect(partial.case.decisions).toHaveLength(c.decisions.length);
    expect(partial.case.revetting).toBeDefined();
    const done = feed(partial.case, [rev2.references], expiredAt);
    expect(done.case.decisions.at(-1)).toMatchObject({
      outcome: 'cleared',
      candidateRevision: 2,
      inputs: { references: { revision: 2 } },
      revetting: { previousDecisionId: decision.decisionId },
    });
  });

  it('when the person is erased during a re-vetting, then it ends without a decision', () => {
    const erased = eraseFromRevetting(opened(), afterDue)!;
    expect(erased.revetting).toBeUndefined();
    expect(erased.revettings?.[0]).toMatchObject({ closedBy: 'erased' });
    expect(eraseFromRevetting(erased, afterDue)).toBeUndefined();
  });
});
