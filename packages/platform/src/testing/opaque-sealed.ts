import type { SealedPersonal } from '@vetting/contracts';

/**
 * A block shaped like a sealed personal block (valid against the events' `sealedPersonal` schema)
 * whose ciphertext is only `text` base64url-encoded: for tests of transport, outbox and consumers
 * that never open it. Events with a required `personal` block need one; real sealing is tested in
 * `personal-sealer` and `person-keys` tests.
 */
export function opaqueSealed(personId: string, text = ''): SealedPersonal {
  return {
    alg: 'A256GCM',
    kid: `person:${personId}`,
    iv: 'AAAAAAAAAAAAAAAA',
    tag: 'AAAAAAAAAAAAAAAAAAAAAA',
    ct: Buffer.from(text, 'utf8').toString('base64url'),
  };
}
