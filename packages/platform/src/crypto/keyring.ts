import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Key-encryption keys by id; the primary one wraps new data keys, the others still unwrap old ones. */
export interface Keyring {
  primary: string;
  keys: Map<string, Buffer>;
}

interface KeyringFile {
  primary: string;
  keys: Record<string, string>;
}

/**
 * Reads the key-encryption keys from a file (base64, 32 bytes each), creating it with one fresh key on
 * first start. In production the file comes from a secret store; it is never in the repository.
 */
export function loadKeyring(file: string): Keyring {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const kid = `kek-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
    writeFileSync(
      file,
      JSON.stringify({ primary: kid, keys: { [kid]: randomBytes(32).toString('base64') } } satisfies KeyringFile, null, 2),
      { mode: 0o600 },
    );
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;
  const keys = new Map(Object.entries(parsed.keys).map(([kid, b64]) => [kid, Buffer.from(b64, 'base64')]));
  if (!keys.has(parsed.primary)) throw new Error(`Keyring ${file}: primary key ${parsed.primary} is missing`);
  for (const [kid, key] of keys) if (key.length !== 32) throw new Error(`Keyring ${file}: key ${kid} is not 32 bytes`);
  return { primary: parsed.primary, keys };
}

/** Adds a new primary key (rotation); old keys stay until every data key has been re-wrapped. */
export function rotateKeyring(file: string): string {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;
  const kid = `kek-${new Date().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  parsed.keys[kid] = randomBytes(32).toString('base64');
  parsed.primary = kid;
  writeFileSync(file, JSON.stringify(parsed, null, 2), { mode: 0o600 });
  return kid;
}

/**
 * A 32-byte secret (HMAC or blind-index key) in its own file, base64, created on first start (mode
 * 0600, never in the repository). Two processes starting together agree: the first file written wins.
 */
export function loadOrCreateSecretKey(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} is not a 32-byte base64 key`);
  return key;
}
