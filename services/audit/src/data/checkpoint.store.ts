import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { copyFile, mkdir, open, readFile, link, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf, type Checkpoint } from '../domain/checkpoint';
import type { Signer } from '../domain/signer';

export const PRIVATE_KEY_FILE = 'audit-signing-key.pem';
export const PUBLIC_KEY_FILE = 'audit-signing-key.pub.pem';

export interface SigningKeys {
  signer: Signer;
  publicKey: KeyObject;
  publicKeyPem: string;
}

/** Creates `file` with `content` only if it does not exist yet (atomic: write aside, then hard-link). */
async function createOnce(file: string, content: string, mode: number): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, content, { mode });
  try {
    await link(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/**
 * The Ed25519 key pair that signs checkpoints, generated on first start into `keyDir` (its own
 * secret or volume, never the checkpoint directory, never in the repository), behind the `Signer`
 * interface a KMS can implement instead. Two instances starting together agree on one key: only the
 * first file created wins.
 */
export async function loadOrCreateSigningKeys(keyDir: string): Promise<SigningKeys> {
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const privateFile = join(keyDir, PRIVATE_KEY_FILE);
  const fresh = generateKeyPairSync('ed25519');
  await createOnce(privateFile, fresh.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  const privateKey = createPrivateKey(await readFile(privateFile, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await createOnce(join(keyDir, PUBLIC_KEY_FILE), publicKeyPem, 0o644);
  const signer: Signer = { keyId: keyIdOf(publicKey), publicKeyPem, sign: async (payload) => sign(null, payload, privateKey) };
  return { signer, publicKey, publicKeyPem };
}

/**
 * Installations that kept the signing key beside the checkpoints: the key moves to its own
 * directory (copied, then removed from the checkpoint directory) so the checkpoints it signed still
 * verify. Nothing happens when the key directory has a key already or there is none to move.
 */
export async function moveSigningKeyOutOf(checkpointDir: string, keyDir: string): Promise<boolean> {
  const old = join(checkpointDir, PRIVATE_KEY_FILE);
  if (!existsSync(old) || existsSync(join(keyDir, PRIVATE_KEY_FILE))) return false;
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  await copyFile(old, join(keyDir, PRIVATE_KEY_FILE));
  await unlink(old);
  await unlink(join(checkpointDir, PUBLIC_KEY_FILE)).catch(() => undefined);
  return true;
}

/** The public key alone, for verifiers that must not create keys (or hold the private one). */
export async function loadPublicKey(keyDir: string): Promise<KeyObject> {
  return createPublicKey(await readFile(join(keyDir, PUBLIC_KEY_FILE), 'utf8'));
}

export interface StoredCheckpointLine {
  line: number;
  checkpoint?: Checkpoint;
  problem?: string;
}

/**
 * Checkpoints live outside the database, one JSON object per line in an append-only file per chain,
 * so whoever can rewrite the database cannot also rewrite the proof of how far the chain had come.
 */
export function createCheckpointStore(dir: string, chainId: string) {
  const file = join(dir, `${chainId.replace(/[^A-Za-z0-9_.-]/g, '_')}.checkpoints.jsonl`);
  return {
    file,
    /** Appends one line and flushes it to disk before resolving. */
    async append(checkpoint: Checkpoint): Promise<void> {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const handle = await open(file, 'a', 0o644);
      try {
        await handle.write(`${JSON.stringify(checkpoint)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    },
    async readAll(): Promise<StoredCheckpointLine[]> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return text.split('\n').flatMap((raw, i): StoredCheckpointLine[] => {
        if (!raw.trim()) return [];
        try {
          return [{ line: i + 1, checkpoint: JSON.parse(raw) as Checkpoint }];
        } catch {
          return [{ line: i + 1, problem: 'not valid JSON' }];
        }
      });
    },
  };
}

export type CheckpointStore = ReturnType<typeof createCheckpointStore>;
