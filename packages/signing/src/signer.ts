import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyIdOf, type PublishedKey } from './keys';

/**
 * What signs the platform's documents. A file-backed key in development and small installs; a KMS
 * or HSM implements the same three members, and the private key never enters the service.
 */
export interface Signer {
  keyId: string;
  publicKeyPem: string;
  sign(payload: Buffer): Promise<Buffer>;
}

export function createKeySigner(privateKey: KeyObject): Signer {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The platform signing key must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: async (payload) => sign(null, payload, privateKey),
  };
}

export const PRIVATE_KEY_FILE = 'platform-signing-key.pem';
/** Public keys the platform signed with before (one PEM each, or a key set JSON), still published. */
export const RETIRED_KEYS_FILE = 'retired-keys.json';

/** Creates `file` only if it does not exist (write aside, then hard-link): two instances agree on one key. */
async function createOnce(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, content, { mode });
  try {
    await link(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

export interface FileSignerOptions {
  /** Generate the key when the directory has none (development). Default false: a missing key stops the service. */
  create?: boolean;
}

/**
 * The platform signing key from `dir` (PKCS#8 PEM), with the public keys it replaced. In production
 * the directory is a mounted secret and `create` is false, so a missing key is a start-up error,
 * never a fresh key nobody trusts.
 */
export async function loadFileSigner(dir: string, options: FileSignerOptions = {}): Promise<{ signer: Signer; published: PublishedKey[] }> {
  const file = join(dir, PRIVATE_KEY_FILE);
  if (options.create) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await createOnce(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  }
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`The platform signing key ${file} cannot be read (PLATFORM_SIGNING_KEY_DIR): ${(error as Error).message}`);
  }
  const signer = createKeySigner(createPrivateKey(pem));
  const retired = await readFile(join(dir, RETIRED_KEYS_FILE), 'utf8').then(
    (t) => (JSON.parse(t) as { keys: PublishedKey[] }).keys,
    () => [] as PublishedKey[],
  );
  return {
    signer,
    published: [{ keyId: signer.keyId, publicKey: signer.publicKeyPem }, ...retired.filter((k) => k.keyId !== signer.keyId)],
  };
}
