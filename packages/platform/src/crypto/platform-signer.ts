import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Router } from 'express';
import { z } from 'zod';
import { loadFileSigner, type PublishedKey, type Signer } from '@vetting/signing';
import { ConfigError } from '../config/config';

/** Settings of a service that signs documents with the platform's key (intake: certificates; screening: list bundles). */
export const platformSigningConfig = {
  /**
   * Directory of the platform's Ed25519 signing key (`platform-signing-key.pem`, optional
   * `retired-keys.json`). Required in production (a mounted secret; never created there). Elsewhere
   * it is created on first start; default a folder under the system's temp dir shared by the
   * services of one machine, so they sign with one key.
   */
  PLATFORM_SIGNING_KEY_DIR: z.string().min(1).optional(),
};

export interface PlatformSigning {
  signer: Signer;
  /** Every public key a verifier may need: the current one first, then retired ones. */
  published: PublishedKey[];
}

export async function loadPlatformSigner(c: { PLATFORM_SIGNING_KEY_DIR?: string; NODE_ENV: string }): Promise<PlatformSigning> {
  const production = c.NODE_ENV === 'production';
  if (!c.PLATFORM_SIGNING_KEY_DIR && production) throw new ConfigError(['PLATFORM_SIGNING_KEY_DIR: is required in production (the platform signing key)']);
  return loadFileSigner(c.PLATFORM_SIGNING_KEY_DIR ?? join(tmpdir(), 'vetting-platform-signing'), { create: !production });
}

/** `GET /signing-keys`: the platform's public keys, for verifiers that work offline afterwards. Public: they are public keys. */
export const signingKeysRoute = (published: PublishedKey[]) => (router: Router) => {
  router.get('/signing-keys', (_req, res) => void res.set('cache-control', 'public, max-age=300').json({ keys: published }));
};
