import { describe, expect, it } from 'vitest';
import type { Actor } from '@vetting/platform';
import { acknowledgeFlag, officeView, openFor, partyOf } from './acknowledge-flag';
import { caseWith, inputs } from '../testing/fixtures';
import type { Flag } from './clearance-case';

const flag: Flag = {
  flagId: 'f1',
  kind: 'clearance-revoked',
  raisedAt: '2026-03-01T10:00:00.000Z',
  revokedDecisionId: 'd1',
  reason: 'a new screening found a possible ban-list match',
  newFindings: ['hit:un-sea:e9'],
};
const flagged = caseWith(inputs(), { flags: [flag], flagged: true });
const actor = (roles: string[]): Actor => ({ id: 'u1', roles, country: 'GH' }) as unknown as Actor;

describe('acknowledging a revocation flag', () => {
  it('when the office and then the UN acknowledge, then each is recorded once with who and when, and the flag is no longer open for either', () => {
    const office = acknowledgeFlag(flagged, 'f1', {
      party: 'office',
      by: 'gh-office',
      at: '2026-03-02T09:00:00.000Z',
      note: 'withdrawn from the rotation',
    });
    expect(openFor(office.flag, 'office')).toBe(false);
    expect(openFor(office.flag, 'un')).toBe(true);
    const un = acknowledgeFlag(office.next, 'f1', { party: 'un', by: 'screener-2', at: '2026-03-02T10:00:00.000Z' });
    expect(un.next.flags[0]!.acknowledgements).toEqual([
      { party: 'office', by: 'gh-office', at: '2026-03-02T09:00:00.000Z', note: 'withdrawn from the rotation' },
      { party: 'un', by: 'screener-2', at: '2026-03-02T10:00:00.000Z' },
    ]);
    expect(openFor(un.flag, 'un')).toBe(false);
  });

  it('when the same party acknowledges again, then it is refused (409) naming who did it first', () => {
    const { next } = acknowledgeFlag(flagged, 'f1', { party: 'un', by: 'screener-2', at: '2026-03-02T10:00:00.000Z' });
    expect(() => acknowledgeFlag(next, 'f1', { party: 'un', by: 'adjudicator-1', at: '2026-03-03T10:00:00.000Z' })).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'CLEARANCE.FLAG_ALREADY_ACKNOWLEDGED',
        extensions: expect.objectContaining({ acknowledgement: expect.objectContaining({ by: 'screener-2' }) }),
      }),
    );
  });

  it('when the flag does not exist on the case, then it is a 404', () => {
    expect(() => acknowledgeFlag(flagged, 'nope', { party: 'un', by: 'x', at: '2026-03-02T10:00:00.000Z' })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it('when the actor is a UN officer, a TCC officer or neither, then the party follows the role (an auditor acknowledges nothing)', () => {
    expect(partyOf(actor(['un-adjudicator']))).toBe('un');
    expect(partyOf(actor(['un-screener']))).toBe('un');
    expect(partyOf(actor(['tcc-officer']))).toBe('office');
    expect(() => partyOf(actor(['auditor']))).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('when an office looks at a flag, then it sees neither the kind of new information nor the UN’s notes', () => {
    const { flag: both } = acknowledgeFlag(
      acknowledgeFlag(flagged, 'f1', { party: 'un', by: 's', at: '2026-03-02T10:00:00.000Z', note: 'review opened' }).next,
      'f1',
      { party: 'office', by: 'o', at: '2026-03-02T11:00:00.000Z', note: 'told the unit' },
    );
    const seen = officeView(both);
    expect(JSON.stringify(seen)).not.toMatch(/ban-list|hit:|review opened/);
    expect(seen.acknowledgements).toEqual([
      { party: 'un', by: 's', at: '2026-03-02T10:00:00.000Z' },
      { party: 'office', by: 'o', at: '2026-03-02T11:00:00.000Z', note: 'told the unit' },
    ]);
  });
});
