import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { hashPassword } from '../domain/password-hash';
import type { DemoUser } from '../domain/user-account';
import { DEFAULT_SECOND_FACTOR_ROLES, enrolmentOffer, needsSecondFactor } from '../domain/second-factor';

export type { DemoUser } from '../domain/user-account';

/** The demo accounts of a development install, one per role (two TCC offices show country scoping). */
const DEMO_ACCOUNTS: Pick<DemoUser, 'username' | 'name' | 'roles' | 'country'>[] = [
  { username: 'officer.gh', name: 'Ghana recruitment office', roles: ['tcc-officer'], country: 'GH' },
  { username: 'officer.np', name: 'Nepal recruitment office', roles: ['tcc-officer'], country: 'NP' },
  { username: 'screener', name: 'UN screening officer', roles: ['un-screener'] },
  { username: 'adjudicator', name: 'UN adjudicating officer', roles: ['un-adjudicator'] },
  { username: 'adjudicator2', name: 'UN countersigning officer', roles: ['un-adjudicator'] },
  { username: 'auditor', name: 'Auditor', roles: ['auditor'] },
  { username: 'admin', name: 'Administrator', roles: ['admin'] },
];

/** Creates the token signing key (Ed25519) and its public JWKS in `dir` if missing; every mode needs one. */
export async function ensureSigningKey(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privatePath = `${dir}/signing-key.private.jwk.json`;
  if (existsSync(privatePath) && existsSync(`${dir}/jwks.json`)) return;
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = `key-${randomBytes(4).toString('hex')}`;
  writeFileSync(privatePath, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }), { mode: 0o600 });
  writeFileSync(`${dir}/jwks.json`, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] }));
}

/** Where a development install keeps its demo accounts' clear-text passwords: never in production. */
export const demoCredentialsPath = (dir: string) => `${dir}/dev-credentials.json`;

type Credential = { username: string; name?: string; password: string; roles: string[]; country?: string; totpSecret?: string };

/**
 * Development only: the signing key and the demo accounts with random passwords, on first start (the
 * passwords also in clear in dev-credentials.json, for `npm start` to print); later starts reuse them.
 * Demo accounts of roles that need a second factor come enrolled, their TOTP keys beside the
 * passwords (`totpSecret`; add one to an authenticator app, or let `scripts/dev-token.mjs` and the
 * tests compute the codes). Nothing here is ever committed: it lives in KEYS_DIR.
 */
export async function ensureDevKeys(dir: string): Promise<{ created: boolean; credentials: Credential[] }> {
  await ensureSigningKey(dir);
  const credentialsPath = demoCredentialsPath(dir);
  if (existsSync(credentialsPath) && existsSync(`${dir}/users.json`)) return { created: false, credentials: enrolDemoAccounts(dir) };
  const credentials: Credential[] = DEMO_ACCOUNTS.map((a) => ({
    ...a,
    password: randomBytes(9).toString('base64url'),
    ...(needsSecondFactor(a.roles, DEFAULT_SECOND_FACTOR_ROLES) ? { totpSecret: enrolmentOffer(a.username, 'dev').secret } : {}),
  }));
  const users: DemoUser[] = await Promise.all(
    credentials.map(async ({ password, ...a }) => ({ ...a, name: a.name ?? a.username, ...(await hashPassword(password)) })),
  );
  writeFileSync(`${dir}/users.json`, JSON.stringify(users, null, 2), { mode: 0o600 });
  writeFileSync(
    credentialsPath,
    JSON.stringify(
      credentials.map(({ username, password, roles, country, totpSecret }) => ({ username, password, roles, country, totpSecret })),
      null,
      2,
    ),
    { mode: 0o600 },
  );
  return { created: true, credentials: JSON.parse(readFileSync(credentialsPath, 'utf8')) as Credential[] };
}

/** Demo accounts made before second factors existed get enrolled keys too (development installs). */
function enrolDemoAccounts(dir: string): Credential[] {
  const credentialsPath = demoCredentialsPath(dir);
  const credentials = JSON.parse(readFileSync(credentialsPath, 'utf8')) as Credential[];
  const users = loadUsers(dir);
  let changed = false;
  for (const c of credentials) {
    const user = users.find((u) => u.username === c.username);
    if (!user || user.totpSecret || !needsSecondFactor(user.roles, DEFAULT_SECOND_FACTOR_ROLES)) continue;
    user.totpSecret = c.totpSecret ?? enrolmentOffer(c.username, 'dev').secret;
    c.totpSecret = user.totpSecret;
    changed = true;
  }
  if (changed) {
    writeFileSync(`${dir}/users.json`, JSON.stringify(users, null, 2), { mode: 0o600 });
    writeFileSync(credentialsPath, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }
  return credentials;
}

/**
 * Production: the signing key, and on the very first start one administrator (`admin`) whose password
 * the operator chose (ADMIN_INITIAL_PASSWORD, stored only as a hash); the administrator creates every
 * other account in the console, and enrols a second factor at the first sign-in. Later starts keep
 * the accounts as they are.
 */
export async function ensureProductionKeys(dir: string, initialAdminPassword: string | undefined): Promise<void> {
  await ensureSigningKey(dir);
  if (existsSync(`${dir}/users.json`)) return;
  if (!initialAdminPassword) throw new Error('ADMIN_INITIAL_PASSWORD is required on the first start');
  const admin: DemoUser = { username: 'admin', name: 'Administrator', roles: ['admin'], ...(await hashPassword(initialAdminPassword)) };
  writeFileSync(
    `${dir}/users.json`,
    JSON.stringify([{ ...admin, createdBy: 'installation', createdAt: new Date().toISOString() }], null, 2),
    { mode: 0o600 },
  );
}

export async function loadSigningKey(dir: string) {
  const jwk = JSON.parse(readFileSync(`${dir}/signing-key.private.jwk.json`, 'utf8')) as JWK & { kid: string };
  return { key: await importJWK(jwk, 'EdDSA'), kid: jwk.kid };
}

export function loadUsers(dir: string): DemoUser[] {
  return JSON.parse(readFileSync(`${dir}/users.json`, 'utf8')) as DemoUser[];
}
