import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SealedPersonal } from '@vetting/contracts';
import { AppError } from '../errors/app-error';

export type { SealedPersonal } from '@vetting/contracts';

const KID_PREFIX = 'person:';

/** The key id of a person's key in a sealed block: `person:<candidate id>`. */
export const personKid = (personId: string) => `${KID_PREFIX}${personId}`;

/** The person a block's key id names; throws on a key id of another kind. */
export function personOfKid(kid: string): string {
  if (!kid.startsWith(KID_PREFIX) || kid.length === KID_PREFIX.length)
    throw new AppError('CRYPTO.UNKNOWN_KEY', `Not a person key id: ${kid.slice(0, 40)}`);
  return kid.slice(KID_PREFIX.length);
}

/**
 * A person's key for sealed blocks (events, other services' stores), derived from the person's data
 * key in intake (HKDF-SHA256): destroying the data key destroys this one, and holding this one does
 * not open intake's own stored fields.
 */
export function derivePersonKey(dataKey: Buffer, personId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `vetting/person-key/v1|${personId}`, 32));
}

/** Binds a block to what it was sealed for: a block moved to another event type or person does not open. */
const aadOf = (context: string, personId: string) => Buffer.from(`vetting/personal/v1\n${context}\n${personId}`, 'utf8');

/**
 * Seals a JSON value under a person's key (AES-256-GCM, fresh 96-bit IV). `context` is what the block
 * belongs to: the event type for an event's `personal`, a store's field name for data at rest.
 */
export function sealPersonalBlock(key: Buffer, context: string, personId: string, value: unknown): SealedPersonal {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aadOf(context, personId));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    kid: personKid(personId),
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ct: ct.toString('base64url'),
  };
}

/** Opens a block sealed by `sealPersonalBlock`; throws CRYPTO.TAMPERED when key, context, person or a bit differs. */
export function openPersonalBlock(key: Buffer, context: string, block: SealedPersonal): unknown {
  const personId = personOfKid(block.kid);
  const iv = Buffer.from(block.iv, 'base64url');
  const tag = Buffer.from(block.tag, 'base64url');
  // GCM accepts shorter tags unless told otherwise: a truncated tag must not pass.
  if (block.alg !== 'A256GCM' || iv.length !== 12 || tag.length !== 16)
    throw new AppError('CRYPTO.TAMPERED', 'The sealed block is malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(aadOf(context, personId));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(Buffer.from(block.ct, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch (error) {
    throw new AppError('CRYPTO.TAMPERED', 'The sealed block does not open with its person key', { cause: error });
  }
}

/** Whether an error means "this person's data is erased" (their key is destroyed). */
export const isErased = (error: unknown) => (error as { code?: string } | undefined)?.code === 'CRYPTO.ERASED';

export const erasedError = (personId: string) =>
  new AppError('CRYPTO.ERASED', `The personal data of ${personId} has been erased`, { status: 410 });
