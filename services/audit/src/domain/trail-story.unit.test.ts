import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './hash-chain';
import { describeEntry } from './trail-story';

const entry = (type: string, data: Record<string, unknown>): AuditEntry =>
  ({
    seq: 7,
    eventId: 'e-7',
    type,
    source: 'gateway',
    subject: 'account:officer-gh',
    time: '2026-11-27T17:00:00.000Z',
    correlationId: 'c-1',
    actor: 'admin-1',
    data,
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  }) as AuditEntry;

describe('trail story', () => {
  it('when an admin changed an account, then the step says who did what to which account, as an access step', () => {
    const step = describeEntry(
      entry('access.account-changed', {
        actor: 'admin-1',
        action: 'account-disabled',
        account: 'officer-gh',
        roles: ['tcc-officer'],
        country: 'GH',
        at: '2026-11-27T17:00:00.000Z',
      }),
    );
    expect(step).toMatchObject({
      kind: 'access',
      what: 'admin-1 disabled the account officer-gh (tcc-officer, GH)',
      inputs: { action: 'account-disabled', account: 'officer-gh', roles: ['tcc-officer'], country: 'GH' },
    });
  });

  it('when a periodic re-vetting runs, then its opening, the new revision and the decision each name the clearance they renew', () => {
    const link = { revettingId: 'rv-1', previousDecisionId: 'd-1' };
    expect(
      describeEntry(
        entry('clearance.revetting-opened', {
          ...link,
          dueAt: '2027-02-01T00:00:00.000Z',
          previousValidUntil: '2027-03-01T00:00:00.000Z',
          policyVersion: 2,
          category: 'civilian',
        }),
      ),
    ).toMatchObject({
      what: 'Periodic re-vetting opened (due 2027-02-01T00:00:00.000Z, policy v2); the clearance d-1 holds until the new decision or 2027-03-01T00:00:00.000Z',
      inputs: { revettingId: 'rv-1', previousDecisionId: 'd-1' },
    });
    expect(describeEntry(entry('candidate.updated', { revision: 2, revetting: link })).what).toBe(
      'Periodic re-vetting: revision 2 screened and checked again for the clearance d-1',
    );
    expect(
      describeEntry(entry('clearance.decided', { outcome: 'cleared', policyVersion: 2, decisionId: 'd-2', revetting: link })).inputs,
    ).toMatchObject({ revetting: link });
  });

  it('when the event type is unknown, then the step still shows it with its redacted data', () => {
    expect(describeEntry(entry('something.new', { n: 1 }))).toMatchObject({ kind: 'event', what: 'something new', inputs: { n: 1 } });
  });
});
