import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import express from 'express';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../kafka/envelope';
import { createEventValidator, type EventValidator } from '../kafka/event-validator';
import { createServiceTokenSource, createServiceTokenVerifier } from '../http/service-token';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { testInfra } from '../testing/test-infra';
import { randomName } from '../testing/wait-for';
import { createFieldCipher, localPersonKeys, type FieldCipher } from './field-cipher';
import { loadKeyring } from './keyring';
import { openPersonalBlock, sealPersonalBlock } from './personal-block';
import { createPersonKeyClient } from './person-keys';
import { createPersonalSealer } from './personal-sealer';

const person = {
  names: [{ full: 'Abena Sealedblock-Owusu' }],
  dateOfBirth: '1990-04-12',
  documents: [{ type: 'passport' as const, number: 'G7781234' }],
};

describe('sealed personal blocks and the person-key authority (real database, real HTTP)', () => {
  let db: Connection;
  let cipher: FieldCipher;
  let url: string;
  let requests = 0;
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  const keysDir = mkdtempSync(`${tmpdir()}/svc-keys-`);
  const validator: EventValidator = createEventValidator();

  beforeAll(async () => {
    const infra = await testInfra();
    db = await connectMongo({ url: infra.mongoUrl, dbName: randomName('pkeys').replace(/-/g, '_'), logger: createLogger('t', 'silent') });
    cipher = createFieldCipher(db, loadKeyring(`${mkdtempSync(`${tmpdir()}/keyring-`)}/keyring.json`), { keyCacheMs: 0 });
    // The authority's side as intake mounts it: a service token, then the lookup.
    await createServiceTokenSource({ service: 'screening', dir: keysDir, audience: 'vetting' });
    const verify = createServiceTokenVerifier({ dir: keysDir, audience: 'vetting' });
    const app = express();
    app.use(express.json());
    app.post('/person-keys/lookup', async (req, res) => {
      requests++;
      try {
        await verify((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      } catch {
        return void res.status(401).json({ title: 'unauthenticated' });
      }
      res.json(await cipher.lookupPersonKeys((req.body as { persons: string[] }).persons));
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it('when a block is sealed, then it opens only with its person key, for its own event type and person, and a truncated tag is refused', async () => {
    const key = await cipher.personKey('cand-a', true);
    const block = sealPersonalBlock(key, 'candidate.submitted', 'cand-a', { person });
    expect(JSON.stringify(block)).not.toContain('Sealedblock');
    expect(openPersonalBlock(key, 'candidate.submitted', block)).toEqual({ person });
    expect(() => openPersonalBlock(key, 'candidate.updated', block)).toThrow(expect.objectContaining({ code: 'CRYPTO.TAMPERED' }));
    expect(() => openPersonalBlock(key, 'candidate.submitted', { ...block, kid: 'person:cand-b' })).toThrow(
      expect.objectContaining({ code: 'CRYPTO.TAMPERED' }),
    );
    expect(() => openPersonalBlock(key, 'candidate.submitted', { ...block, tag: block.tag.slice(0, 11) })).toThrow(
      expect.objectContaining({ code: 'CRYPTO.TAMPERED' }),
    );
  });

  it('when services ask for keys at once, then one request answers them, keys are cached, and an erased person is CRYPTO.ERASED everywhere', async () => {
    const tokens = await createServiceTokenSource({ service: 'screening', dir: keysDir, audience: 'vetting' });
    const ids = Array.from({ length: 30 }, (_, i) => `cand-many-${i}`);
    const producer = createPersonalSealer({ keys: localPersonKeys(cipher, { create: true }), validator });
    const events = await Promise.all(
      ids.map((id) =>
        producer.sealEvent(createEvent('intake', { type: 'candidate.withdrawn', subject: id, data: { candidateId: id, country: 'GH' } }), {
          reason: `left the service ${id}`,
        }),
      ),
    );
    for (const e of events) validator.assertValid(e);
    let now = 0;
    const client = createPersonKeyClient({ url, tokens, cacheMs: 1000, now: () => now });
    const consumer = createPersonalSealer({ keys: client, validator });
    const before = requests;
    const opened = await Promise.all(events.map((e) => consumer.open<'candidate.withdrawn'>(e)));
    expect(opened.map((o) => o?.reason)).toEqual(ids.map((id) => `left the service ${id}`));
    expect(requests - before).toBe(1);
    await consumer.open(events[0]!);
    expect(requests - before).toBe(1); // cached

    await cipher.shred(ids[0]!);
    expect(await consumer.openOrErased(events[0]!)).toEqual({ personal: { reason: `left the service ${ids[0]}` } }); // within the cache bound
    now += 1001;
    expect(await consumer.openOrErased(events[0]!)).toEqual({ erased: true });
    await expect(consumer.open(events[0]!)).rejects.toMatchObject({ code: 'CRYPTO.ERASED', status: 410 });
    await expect(createPersonalSealer({ keys: localPersonKeys(cipher), validator }).open(events[0]!)).rejects.toMatchObject({
      code: 'CRYPTO.ERASED',
    });
  });

  it('when a block breaks its schema or the caller has no valid service token or the authority is down, then it says so: invalid and refused are final, down is retriable', async () => {
    const producer = createPersonalSealer({ keys: localPersonKeys(cipher, { create: true }), validator });
    await expect(producer.seal('candidate.withdrawn', 'cand-x', { reason: 'x', extra: 1 } as never)).rejects.toMatchObject({
      code: 'EVENT.INVALID_PERSONAL',
    });
    const forged = { token: async () => 'not-a-token', headers: async () => ({ authorization: 'Bearer not-a-token' }) };
    await expect(createPersonKeyClient({ url, tokens: forged }).key('cand-a')).rejects.toMatchObject({
      code: 'PERSON_KEYS.REFUSED',
      retriable: false,
    });
    const tokens = await createServiceTokenSource({ service: 'screening', dir: keysDir, audience: 'vetting' });
    const closed = express().listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createPersonKeyClient({ url: `http://127.0.0.1:${port}`, tokens }).key('cand-a')).rejects.toMatchObject({
      code: 'PERSON_KEYS.UNAVAILABLE',
      retriable: true,
    });
  });
});
