import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ensureDevKeys } from './dev-keys';
import { createUserStore, type AccountChange } from './user.store';

describe('local accounts and the audit trail', () => {
  it('when the audit record cannot be written, then the account change is refused and nothing is saved', async () => {
    const dir = mkdtempSync(`${tmpdir()}/gw-store-`);
    await ensureDevKeys(dir);
    const failing = createUserStore(dir, { audit: () => Promise.reject(new Error('kafka down')) });
    await expect(
      failing.create({ username: 'officer.tz', name: 'Tanzania office', roles: ['tcc-officer'], country: 'TZ' }, 'admin', new Date()),
    ).rejects.toThrow('kafka down');
    await expect(failing.setDisabled('screener', true, 'admin')).rejects.toThrow('kafka down');
    const reread = createUserStore(dir);
    expect(reread.list().map((u) => u.username)).not.toContain('officer.tz');
    expect(reread.list().find((u) => u.username === 'screener')?.disabled).toBe(false);
  });

  it('when the audit record is written, then it is written before the change is saved', async () => {
    const dir = mkdtempSync(`${tmpdir()}/gw-store-`);
    await ensureDevKeys(dir);
    const seen: { change: AccountChange; savedYet: boolean }[] = [];
    const store = createUserStore(dir, {
      audit: async (change) =>
        void seen.push({
          change,
          savedYet: createUserStore(dir)
            .list()
            .some((u) => u.username === 'officer.tz'),
        }),
    });
    await store.create({ username: 'officer.tz', name: 'Tanzania office', roles: ['tcc-officer'], country: 'TZ' }, 'admin', new Date());
    expect(seen).toEqual([
      {
        change: expect.objectContaining({
          action: 'account-created',
          actor: 'admin',
          account: expect.objectContaining({ username: 'officer.tz' }),
        }),
        savedYet: false,
      },
    ]);
    expect(
      createUserStore(dir)
        .list()
        .map((u) => u.username),
    ).toContain('officer.tz');
  });
});
