import { createPublicKey, type KeyObject } from 'node:crypto';
import { sha256Hex } from './canonical';

/**
 * First 16 hex digits of the SHA-256 of the hex of the public key's SPKI DER: short enough to print,
 * long enough that two keys never share one. The audit checkpoints use the same id.
 */
export const keyIdOf = (publicKey: KeyObject) => sha256Hex(publicKey.export({ type: 'spki', format: 'der' }).toString('hex')).slice(0, 16);

export interface PublishedKey {
  keyId: string;
  /** SPKI PEM of an Ed25519 public key. */
  publicKey: string;
  /** When the platform stopped signing with it (documents signed before stay verifiable). */
  retiredAt?: string;
}

/** The public keys a verifier trusts, by key id. Never taken from the document being verified. */
export interface TrustedKeys {
  byId: Map<string, KeyObject>;
}

/** Reads PEM public keys (Ed25519 only); a key whose stated id differs from its own is refused. */
export function trustedKeys(keys: (PublishedKey | string)[]): TrustedKeys {
  const byId = new Map<string, KeyObject>();
  for (const item of keys) {
    const pem = typeof item === 'string' ? item : item.publicKey;
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('A platform signing key must be an Ed25519 public key');
    const id = keyIdOf(key);
    if (typeof item !== 'string' && item.keyId !== id) throw new Error(`Key ${item.keyId} does not match its public key (${id})`);
    byId.set(id, key);
  }
  return { byId };
}

/** A key set file as the services publish it (`GET …/signing-keys`) and `vetting keys pull` saves it. */
export interface KeySetDocument {
  keys: PublishedKey[];
}

export function trustedKeysFromText(text: string): TrustedKeys {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return trustedKeys(trimmed.split(/(?=-----BEGIN PUBLIC KEY-----)/).filter((p) => p.trim()));
  const parsed = JSON.parse(trimmed) as KeySetDocument;
  if (!Array.isArray(parsed.keys)) throw new Error('A key set has a "keys" array');
  return trustedKeys(parsed.keys);
}
