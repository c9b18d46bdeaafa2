import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Router } from 'express';
import { z } from 'zod';
import { loadFileSigner, type PublishedKey, type Signer } from '@vetting/signing';
import { ConfigError } from '../config/config';
import { isDevelopment, unsafeSettings, unsafeWhen, type ModeConfig, type UnsafeSetting } from '../config/mode';

/** Settings of a service that signs documents with the platform's key (intake: certificates; screening: list bundles). */
export const platformSigningConfig = {
  /**
   * Directory of the platform's Ed25519 signing key (`platform-signing-key.pem`, optional
   * `retired-keys.json`). Required in production (a mounted secret; never created there). In
   * development mode it is created on first start; default a folder under the system's temp dir
   * shared by the services of one machine, so they sign with one key.
   */
  PLATFORM_SIGNING_KEY_DIR: z.string().min(1).optional(),
};

export interface PlatformSigning {
  signer: Signer;
  /** Every public key a verifier may need: the current one first, then retired ones. */
  published: PublishedKey[];
}

type SigningConfig = ModeConfig & { PLATFORM_SIGNING_KEY_DIR?: string };

/** Production may not sign with a key made up on the spot in a temporary directory. */
export const platformSigningUnsafeSettings = (c: SigningConfig): UnsafeSetting[] =>
  unsafeSettings(
    unsafeWhen(
      !c.PLATFORM_SIGNING_KEY_DIR,
      'PLATFORM_SIGNING_KEY_DIR',
      'is unset: certificates and list bundles would be signed with a temporary key nobody trusts',
    ),
  );

/** The platform's signer: the mounted key in production (never created there), created on first start in development mode. */
export async function loadPlatformSigner(c: SigningConfig): Promise<PlatformSigning> {
  const development = isDevelopment(c);
  if (!c.PLATFORM_SIGNING_KEY_DIR && !development)
    throw new ConfigError(['PLATFORM_SIGNING_KEY_DIR: is required in production (the platform signing key)']);
  return loadFileSigner(c.PLATFORM_SIGNING_KEY_DIR ?? join(tmpdir(), 'vetting-platform-signing'), { create: development });
}

/** `GET /signing-keys`: the platform's public keys, for verifiers that work offline afterwards. Public: they are public keys. */
export const signingKeysRoute = (published: PublishedKey[]) => (router: Router) => {
  router.get('/signing-keys', (_req, res) => void res.set('cache-control', 'public, max-age=300').json({ keys: published }));
};
