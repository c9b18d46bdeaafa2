import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { hashPassword, type StoredPassword } from '../domain/password-hash';

export interface DemoUser extends StoredPassword {
  username: string;
  name: string;
  roles: string[];
  country?: string;
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

/**
 * Creates the development signing key, its public JWKS and the demo accounts with random passwords
 * on first start; later starts reuse them. Nothing here is ever committed: it lives in KEYS_DIR.
 */
export async function ensureDevKeys(dir: string): Promise<{ created: boolean; credentials: { username: string; password: string; roles: string[]; country?: string }[] }> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privatePath = `${dir}/signing-key.private.jwk.json`;
  const credentialsPath = `${dir}/dev-credentials.json`;
  if (existsSync(privatePath) && existsSync(credentialsPath))
    return { created: false, credentials: JSON.parse(readFileSync(credentialsPath, 'utf8')) };
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const kid = `dev-${randomBytes(4).toString('hex')}`;
  writeFileSync(privatePath, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }), { mode: 0o600 });
  writeFileSync(`${dir}/jwks.json`, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }] }));
  const credentials = DEMO_ACCOUNTS.map((a) => ({ ...a, password: randomBytes(9).toString('base64url') }));
  const users: DemoUser[] = await Promise.all(credentials.map(async ({ password, ...a }) => ({ ...a, ...(await hashPassword(password)) })));
  writeFileSync(`${dir}/users.json`, JSON.stringify(users, null, 2), { mode: 0o600 });
  writeFileSync(credentialsPath, JSON.stringify(credentials.map(({ username, password, roles, country }) => ({ username, password, roles, country })), null, 2), { mode: 0o600 });
  return { created: true, credentials: JSON.parse(readFileSync(credentialsPath, 'utf8')) };
}

export async function loadSigningKey(dir: string) {
  const jwk = JSON.parse(readFileSync(`${dir}/signing-key.private.jwk.json`, 'utf8')) as JWK & { kid: string };
  return { key: await importJWK(jwk, 'EdDSA'), kid: jwk.kid };
}

export function loadUsers(dir: string): DemoUser[] {
  return JSON.parse(readFileSync(`${dir}/users.json`, 'utf8')) as DemoUser[];
}
