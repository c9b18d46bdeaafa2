import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './hash-chain';
import { describeEntry } from './trail-story';

const entry = (type: string, data: Record<string, unknown>): AuditEntry => ({
  seq: 7, eventId: 'e-7', type, source: 'gateway', subject: 'account:officer-gh', time: '2026-11-27T17:00:00.000Z',
  correlationId: 'c-1', actor: 'admin-1', data, prevHash: '0'.repeat(64), hash: '1'.repeat(64),
} as AuditEntry);

describe('trail story', () => {
  it('when an admin changed an account, then the step says who did what to which account, as an access step', () => {
    const step = describeEntry(entry('access.account-changed', { actor: 'admin-1', action: 'account-disabled', account: 'officer-gh', roles: ['tcc-officer'], country: 'GH', at: '2026-11-27T17:00:00.000Z' }));
    expect(step).toMatchObject({ kind: 'access', what: 'admin-1 disabled the account officer-gh (tcc-officer, GH)', inputs: { action: 'account-disabled', account: 'officer-gh', roles: ['tcc-officer'], country: 'GH' } });
  });

  it('when the event type is unknown, then the step still shows it with its redacted data', () => {
    expect(describeEntry(entry('something.new', { n: 1 }))).toMatchObject({ kind: 'event', what: 'something new', inputs: { n: 1 } });
  });
});
