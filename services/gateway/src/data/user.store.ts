import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { AppError } from '@vetting/platform';
import { hashPassword, type StoredPassword } from '../domain/password-hash';
import type { DemoUser } from '../domain/user-account';
import { loadUsers } from './dev-keys';

/** A local account as the admin sees it: never its salt or password hash. */
export interface UserView {
  username: string;
  name: string;
  roles: string[];
  country?: string;
  /** UN roles only: the missions the officer works for (absent: every mission). */
  missions?: string[];
  disabled: boolean;
  /** A second factor (TOTP) is enrolled. */
  secondFactor: boolean;
  createdBy?: string;
  createdAt?: string;
}

export interface NewUser {
  username: string;
  name: string;
  roles: string[];
  country?: string;
  missions?: string[];
}

/** A change to who may sign in, as the audit trail records it. */
export interface AccountChange {
  action: 'account-created' | 'account-disabled' | 'account-enabled' | 'second-factor-enrolled' | 'second-factor-reset';
  actor: string;
  account: UserView;
  at: Date;
}

export interface UserStore {
  /** Accounts that may sign in (disabled ones are left out). */
  active(): DemoUser[];
  list(): UserView[];
  /** Creates an account with a random first password, returned once and never stored in clear. */
  create(input: NewUser, by: string, now: Date): Promise<{ user: UserView; password: string }>;
  setDisabled(username: string, disabled: boolean, by: string, now?: Date): Promise<UserView>;
  /** Enrols (a key) or resets (undefined) an account's second factor; audited like every account change. */
  setSecondFactor(username: string, totpSecret: string | undefined, by: string, now?: Date): Promise<UserView>;
  /**
   * Called after an account was disabled or its second factor reset: its sessions must end. Best
   * effort: a refresh checks the account anyway, so a failure here only delays nothing.
   */
  onDisabled(listener: (username: string) => Promise<void>): void;
  /** Replaces a password hash made at a lower cost by one of today's (same password), after a sign-in. */
  upgradePassword(username: string, stored: StoredPassword): Promise<void>;
}

export const viewOf = ({ username, name, roles, country, missions, disabled, totpSecret, createdBy, createdAt }: DemoUser): UserView => ({
  username,
  name,
  roles,
  ...(country ? { country } : {}),
  ...(missions?.length ? { missions } : {}),
  disabled: Boolean(disabled),
  secondFactor: Boolean(totpSecret),
  ...(createdBy ? { createdBy } : {}),
  ...(createdAt ? { createdAt } : {}),
});

/**
 * Local accounts in KEYS_DIR/users.json (development and small installs; production signs in through
 * an OIDC provider). Writes go to a temp file renamed over the old one, so a crash never leaves half a
 * file, and are chained one after another in this process so two admin requests cannot interleave.
 * One gateway instance owns the file: with several replicas, use an OIDC provider instead.
 * Every change is handed to `audit` after it is checked and before it is saved (write-ahead): when the
 * audit record cannot be written, nothing changes; a crash between the two leaves a record of a change
 * that was not saved, never a saved change without a record.
 */
export function createUserStore(dir: string, options: { audit?: (change: AccountChange) => Promise<void> } = {}): UserStore {
  const audit = options.audit ?? (async () => undefined);
  let users = loadUsers(dir);
  let queue: Promise<unknown> = Promise.resolve();
  const listeners: ((username: string) => Promise<void>)[] = [];
  const ended = async (username: string) => void (await Promise.allSettled(listeners.map((l) => l(username))));
  const save = (next: DemoUser[]) => {
    const tmp = `${dir}/users.json.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(tmp, `${dir}/users.json`);
    users = next;
  };
  const serial = <T>(change: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(change);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    active: () => users.filter((u) => !u.disabled),
    list: () => users.map(viewOf),
    create: (input, by, now) =>
      serial(async () => {
        if (users.some((u) => u.username === input.username))
          throw new AppError('USER.EXISTS', `An account ${input.username} already exists`, { status: 409 });
        const password = randomBytes(12).toString('base64url');
        const user: DemoUser = { ...input, ...(await hashPassword(password)), createdBy: by, createdAt: now.toISOString() };
        await audit({ action: 'account-created', actor: by, account: viewOf(user), at: now });
        save([...users, user]);
        return { user: viewOf(user), password };
      }),
    setDisabled: (username, disabled, by, now = new Date()) =>
      serial(async () => {
        const user = users.find((u) => u.username === username);
        if (!user) throw new AppError('USER.NOT_FOUND', `No account ${username}`, { status: 404 });
        // An admin locking themselves out would leave nobody to undo it.
        if (username === by && disabled) throw new AppError('USER.SELF_DISABLE', 'You cannot disable your own account', { status: 409 });
        const changed = { ...user, disabled };
        await audit({ action: disabled ? 'account-disabled' : 'account-enabled', actor: by, account: viewOf(changed), at: now });
        save(users.map((u) => (u.username === username ? changed : u)));
        if (disabled) await ended(username);
        return viewOf(changed);
      }),
    onDisabled: (listener) => void listeners.push(listener),
    setSecondFactor: (username, totpSecret, by, now = new Date()) =>
      serial(async () => {
        const user = users.find((u) => u.username === username);
        if (!user) throw new AppError('USER.NOT_FOUND', `No account ${username}`, { status: 404 });
        const { totpSecret: _old, ...rest } = user;
        const changed: DemoUser = totpSecret ? { ...rest, totpSecret } : rest;
        await audit({
          action: totpSecret ? 'second-factor-enrolled' : 'second-factor-reset',
          actor: by,
          account: viewOf(changed),
          at: now,
        });
        save(users.map((u) => (u.username === username ? changed : u)));
        if (!totpSecret) await ended(username);
        return viewOf(changed);
      }),
    upgradePassword: (username, stored) =>
      serial(() => {
        if (users.some((u) => u.username === username)) save(users.map((u) => (u.username === username ? { ...u, ...stored } : u)));
      }),
  };
}
