import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Connection } from 'mongoose';
import { loadEventSchemas } from '@vetting/contracts';
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
  /**
   * An event written with its personal fields in clear `data` (as before sealing), sealed as its
   * producer does: every top-level field of the type's `x-personal` that the clear schema does not
   * also have moves into the block. Events without such fields are returned as they are.
   */
  sealFields<E extends EventEnvelope>(event: E): Promise<E>;
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
  const db: Connection = await connectMongo({
    url: infra.mongoUrl,
    dbName: randomName('t_keys').replace(/-/g, '_'),
    logger: createLogger('test-keys', 'silent'),
  });
  const dir = mkdtempSync(`${tmpdir()}/vetting-test-keys-`);
  const cipher = createFieldCipher(db, loadKeyring(`${dir}/keyring.json`), { keyCacheMs: 0 });
  const sealer = createPersonalSealer({ keys: localPersonKeys(cipher, { create: true }), validator: createEventValidator() });
  const schemas = loadEventSchemas();
  const movable = (type: string): string[] => {
    const schema = schemas[type] as
      { properties?: Record<string, unknown>; 'x-personal'?: { properties?: Record<string, unknown> } } | undefined;
    return Object.keys(schema?.['x-personal']?.properties ?? {}).filter((k) => !(k in (schema?.properties ?? {})));
  };
  return {
    source: localPersonKeys(cipher),
    sealer,
    seal: async (event, personal) => (await sealer.sealEvent(event, personal as never)) as typeof event,
    async sealFields(event) {
      const fields = movable(event.type).filter((k) => k in event.data);
      if (!fields.length) return event;
      const data: Record<string, unknown> = { ...event.data };
      const personal: Record<string, unknown> = {};
      for (const k of fields) {
        personal[k] = data[k];
        delete data[k];
      }
      return (await sealer.sealEvent({ ...event, data }, personal as never)) as typeof event;
    },
    cipher,
    shred: (personId) => cipher.shred(personId),
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await db.close().catch(() => undefined);
    },
  };
}
