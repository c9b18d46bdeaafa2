import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * What signs checkpoints and export bundles. The audit service never needs the private key itself:
 * the file signer (AUDIT_KEY_DIR) holds it in this process, and a KMS or HSM can implement the same
 * three members (an Ed25519 key whose private half never leaves it). Same shape as the platform's
 * document signer (`{ keyId, publicKeyPem, sign }`).
 */
export interface Signer {
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER, hex). */
  keyId: string;
  /** SPKI PEM of the Ed25519 public key. */
  publicKeyPem: string;
  /** The Ed25519 signature of `payload`. */
  sign(payload: Buffer): Promise<Buffer>;
}

export const publicKeyOf = (signer: Pick<Signer, 'publicKeyPem'>): KeyObject => createPublicKey(signer.publicKeyPem);
