import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM ciphertext as stored: every part base64, with the id of the key that sealed it. */
export interface Sealed {
  alg: 'A256GCM';
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

/** Encrypts with a fresh 96-bit IV; `aad` binds the ciphertext to its context (e.g. subject and field). */
export function seal(key: Buffer, kid: string, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { alg: 'A256GCM', kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** The full GCM tag: Node accepts tags of 4 to 16 bytes, and a 4-byte tag is forged in 2^32 tries. */
const TAG_BYTES = 16;

/**
 * Decrypts and authenticates; throws when the key, the context or a single bit of the ciphertext
 * differs, and when the tag is shorter than 16 bytes (a truncated tag authenticates a prefix only).
 */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const tag = Buffer.from(sealed.tag, 'base64');
  if (tag.length !== TAG_BYTES) throw new Error(`AES-GCM tag must be ${TAG_BYTES} bytes, got ${tag.length}`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
}
