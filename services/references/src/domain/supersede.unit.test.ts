import { describe, expect, it } from 'vitest';
import { newCheck } from './check';
import { superseded, supersessionOf } from './supersede';

const now = new Date('2026-11-27T10:00:00Z');
const held = (revision: number) =>
  newCheck(
    {
      checkId: `c1.${revision}.misconduct-disclosure.1`,
      checkType: 'misconduct-disclosure',
      organisation: 'employer:k',
      subject: { name: 'A' },
      awaitingContact: true,
    },
    {
      setId: `c1.${revision}`,
      candidateId: 'c1',
      country: 'GH',
      category: 'civilian',
      candidateRevision: revision,
      setChecks: [`c1.${revision}.misconduct-disclosure.1`],
    },
    'sealed',
    now,
  );

describe('a corrected nomination supersedes held requests', () => {
  it('when the newest revision asks the same employer (spelt differently or by its directory entry), then the reason names the check replacing it', () => {
    expect(
      supersessionOf(
        { name: 'Acme Security Services' },
        [{ checkId: 'c1.2.misconduct-disclosure.1', employer: { name: 'ACME security services Ltd' } }],
        2,
        now,
      ),
    ).toEqual({ byRevision: 2, reason: 'employer-asked-again', replacedBy: 'c1.2.misconduct-disclosure.1', at: now.toISOString() });
    expect(
      supersessionOf(
        { name: 'Acme', directoryId: 'emp-1' },
        [{ checkId: 'x', employer: { name: 'Acme Group', directoryId: 'emp-1' } }],
        2,
        now,
      ).reason,
    ).toBe('employer-asked-again');
  });

  it('when the newest revision no longer asks the employer, then the reason says so and names no replacement', () => {
    expect(
      supersessionOf(
        { name: 'Shadow Logistics' },
        [{ checkId: 'c1.2.misconduct-disclosure.1', employer: { name: 'Bright Futures' } }],
        2,
        now,
      ),
    ).toEqual({ byRevision: 2, reason: 'employer-not-in-correction', at: now.toISOString() });
    expect(supersessionOf(undefined, [{ checkId: 'x', employer: { name: 'Bright Futures' } }], 2, now).reason).toBe(
      'employer-not-in-correction',
    );
  });

  it('when a held request of an earlier revision is superseded, then it ends with its reason; applied again, or to a sent request or one of the newest revision, nothing changes', () => {
    const s = supersessionOf({ name: 'Acme' }, [], 2, now);
    const done = superseded(held(1), s);
    expect(done).toMatchObject({ state: 'superseded', supersession: s, completedAt: now.toISOString() });
    expect(superseded(done, s)).toBeUndefined();
    expect(superseded({ ...held(1), state: 'requested' }, s)).toBeUndefined();
    expect(superseded(held(2), s)).toBeUndefined();
    expect(superseded(held(3), s)).toBeUndefined();
  });
});
