import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Connection } from 'mongoose';
import { createFieldCipher, localPersonKeys, type FieldCipher } from '../crypto/field-cipher';
import { loadKeyring } from '../crypto/keyring';
import type { PersonKeySource } from '../crypto/person-keys';
import { createPersonalSealer, type PersonalSealer } from '../crypto/personal-sealer';
import type { EventEnvelope } from '../kafka/envelope';
import { createEventValidator } from '../kafka/event-validator';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { testInfra } from './test-infra';
import { randomName } from './wait-for';

export interface TestPersonKeys {
  /** For the service under test (`overrides.personKeys`): never creates a key, like intake's lookup. */
  source: PersonKeySource;
  /** Seals as intake does (creating the person's key on first use): for events a test publishes. */
  sealer: PersonalSealer;
  /** Seals `personal` into an event of a person (the event's subject). */
  seal<E extends EventEnvelope>(event: E, personal: Record<string, unknown>): Promise<E>;
  cipher: FieldCipher;
  /** Destroys a person's key, as intake's erasure does. */
  shred(personId: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The key authority of a service's integration test: the platform's field cipher on a database of
 * its own in the real MongoDB-protocol server, the same code intake serves keys from (without HTTP,
 * which `person-keys.int.test.ts` covers). No cache, so an erasure shows at once.
 */
export async function createTestPersonKeys(): Promise<TestPersonKeys> {
  const infra = await testInfra();
  const db: Connection = await connectMongo({ url: infra.mongoUrl, dbName: randomName('t_keys').replace(/-/g, '_'), logger: createLogger('test-keys', 'silent') });
  const dir = mkdtempSync(`${tmpdir()}/vetting-test-keys-`);
  const cipher = createFieldCipher(db, loadKeyring(`${dir}/keyring.json`), { keyCacheMs: 0 });
  const sealer = createPersonalSealer({ keys: localPersonKeys(cipher, { create: true }), validator: createEventValidator() });
  return {
    source: localPersonKeys(cipher),
    sealer,
    seal: async (event, personal) => (await sealer.sealEvent(event, personal as never)) as typeof event,
    cipher,
    shred: (personId) => cipher.shred(personId),
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await db.close().catch(() => undefined);
    },
  };
}
