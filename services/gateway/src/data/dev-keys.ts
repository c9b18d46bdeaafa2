import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes, scryptSync } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export interface DemoUser {
  username: string;
  name: string;
  roles: string[];
  country?: string;
  /** UN roles only: the missions the officer works for (absent: every mission). */
  missions?: string[];
  salt: string;
  passwordHash: string;
  /** A disabled account cannot sign in (tokens it already holds last until they expire). */
  disabled?: boolean;
  createdBy?: string;
  createdAt?: string;
}

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

export const hashPassword = (password: string, salt: string) => scryptSync(password, salt, 32, { N: 16384 }).toString('hex');

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

const account = (a: Pick<DemoUser, 'username' | 'name' | 'roles' | 'country'>, password: string): DemoUser => {
  const salt = randomBytes(16).toString('hex');
  return { ...a, salt, passwordHash: hashPassword(password, salt) };
};

/** Where a development install keeps its demo accounts' clear-text passwords: never in production. */
export const demoCredentialsPath = (dir: string) => `${dir}/dev-credentials.json`;

/**
 * Development only: the signing key and the demo accounts with random passwords, on first start (the
 * passwords also in clear in dev-credentials.json, for `npm start` to print); later starts reuse them.
 * Nothing here is ever committed: it lives in KEYS_DIR.
 */
export async function ensureDevKeys(dir: string): Promise<{ created: boolean; credentials: { username: string; password: string; roles: string[]; country?: string }[] }> {
  await ensureSigningKey(dir);
  const credentialsPath = demoCredentialsPath(dir);
  if (existsSync(credentialsPath) && existsSync(`${dir}/users.json`)) return { created: false, credentials: JSON.parse(readFileSync(credentialsPath, 'utf8')) };
  const credentials = DEMO_ACCOUNTS.map((a) => ({ ...a, password: randomBytes(9).toString('base64url') }));
  const users: DemoUser[] = credentials.map(({ password, ...a }) => account(a, password));
  writeFileSync(`${dir}/users.json`, JSON.stringify(users, null, 2), { mode: 0o600 });
  writeFileSync(credentialsPath, JSON.stringify(credentials.map(({ username, password, roles, country }) => ({ username, password, roles, country })), null, 2), { mode: 0o600 });
  return { created: true, credentials: JSON.parse(readFileSync(credentialsPath, 'utf8')) };
}

/**
 * Production: the signing key, and on the very first start one administrator (`admin`) whose password
 * the operator chose (ADMIN_INITIAL_PASSWORD, stored only as a hash); the administrator creates every
 * other account in the console. Later starts keep the accounts as they are.
 */
export async function ensureProductionKeys(dir: string, initialAdminPassword: string | undefined): Promise<void> {
  await ensureSigningKey(dir);
  if (existsSync(`${dir}/users.json`)) return;
  if (!initialAdminPassword) throw new Error('ADMIN_INITIAL_PASSWORD is required on the first start');
  const admin = account({ username: 'admin', name: 'Administrator', roles: ['admin'] }, initialAdminPassword);
  writeFileSync(`${dir}/users.json`, JSON.stringify([{ ...admin, createdBy: 'installation', createdAt: new Date().toISOString() }], null, 2), { mode: 0o600 });
}

export async function loadSigningKey(dir: string) {
  const jwk = JSON.parse(readFileSync(`${dir}/signing-key.private.jwk.json`, 'utf8')) as JWK & { kid: string };
  return { key: await importJWK(jwk, 'EdDSA'), kid: jwk.kid };
}

export function loadUsers(dir: string): DemoUser[] {
  return JSON.parse(readFileSync(`${dir}/users.json`, 'utf8')) as DemoUser[];
}
