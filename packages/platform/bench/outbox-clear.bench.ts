/**
 * What the outbox relay's "mark published" step costs on the real FerretDB: the old one updateOne per
 * document (50 in flight) against bulkWrites of 25 exact-_id updates one after another (the relay's way), over the same
 * pending documents, and a whole relay pass (read, publish, clear) with a no-op publisher so Kafka
 * does not blur the figure. `npm run bench:outbox -w packages/platform` (about a minute quiet).
 */
import { loadavg } from 'node:os';
import type { Collection, Document } from 'mongodb';
import { connectMongo, createAggregateStore, createEvent, createLogger, createOutboxRelay, type EventPublisher } from '../src/index';
import { opaqueSealed, randomName, testInfra, writeBenchReport } from '../src/testing/index';

const logger = createLogger('bench', 'silent');
const infra = await testInfra();
const db = await connectMongo({ url: infra.mongoUrl, dbName: randomName('outbox_bench').replace(/-/g, '_'), logger });
const BATCH = Number(process.env.OUTBOX_BENCH_BATCH ?? 200);
const ROUNDS = Number(process.env.OUTBOX_BENCH_ROUNDS ?? 3);
const load = [loadavg()[0]!];

async function seed(name: string): Promise<Collection<Document>> {
  const store = createAggregateStore<{ country: string; name: string }>(db, name, { packed: { viewFields: ['country'] } });
  await store.ensureIndexes();
  // A realistic collection: published revisions around the pending batch (FerretDB scans for $in).
  const items = Array.from({ length: BATCH * 2 }, (_, i) => `${name}-${i}`);
  await store.createMany(
    items.map((id) => ({
      id,
      causedBy: `open:${id}`,
      state: { country: 'GH', name: `Person ${id}` },
      events: [
        createEvent('intake', {
          type: 'candidate.withdrawn',
          subject: id,
          data: { candidateId: id, country: 'GH', personal: opaqueSealed(id, `reason ${id}`) },
        }),
      ],
    })),
  );
  return store.revisions as unknown as Collection<Document>;
}

const time = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

const ms = { perDocument: [] as number[], bulk: [] as number[], pass: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const a = await seed(`a${round}`);
  const docsA = await a
    .find({ outboxPending: true }, { projection: { _id: 1 } })
    .limit(BATCH)
    .toArray();
  ms.perDocument.push(
    await time(async () => {
      for (let i = 0; i < docsA.length; i += 50)
        await Promise.all(
          docsA
            .slice(i, i + 50)
            .map((d) => a.updateOne({ _id: d._id }, { $set: { outboxPending: false, publishedAt: new Date().toISOString() } })),
        );
    }),
  );
  const b = await seed(`b${round}`);
  const docsB = await b
    .find({ outboxPending: true }, { projection: { _id: 1, outbox: 1 } })
    .limit(BATCH)
    .toArray();
  // In bulkWrites of 25 like the relay, never one of the whole batch: FerretDB v1 holds a pooled PostgreSQL
  // connection per statement until the command ends; one bulkWrite of 200 hangs the server.
  const clearsB = docsB.map((d) => ({
    updateOne: { filter: { _id: d._id }, update: { $set: { outboxPending: false, publishedAt: new Date().toISOString(), outbox: '[]' } } },
  }));
  ms.bulk.push(
    await time(async () => {
      for (let i = 0; i < clearsB.length; i += 25) await b.bulkWrite(clearsB.slice(i, i + 25), { ordered: false });
    }),
  );
  const c = await seed(`c${round}`);
  const publisher = { publish: async () => undefined } as unknown as EventPublisher;
  ms.pass.push(await time(() => createOutboxRelay({ collections: [c as never], publisher, logger, batchSize: BATCH }).runOnce()));
  load.push(loadavg()[0]!);
  console.log(
    `round ${round + 1}/${ROUNDS}: per-document ${ms.perDocument.at(-1)!.toFixed(0)} ms, bulk ${ms.bulk.at(-1)!.toFixed(0)} ms, pass ${ms.pass.at(-1)!.toFixed(0)} ms`,
  );
}
await db.dropDatabase();
await db.close();

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
writeBenchReport(
  'outbox-clear',
  'Outbox relay: marking a batch published',
  [
    { metric: `clear ${BATCH} docs, one updateOne each (old), median`, value: median(ms.perDocument), unit: 'ms' },
    { metric: `clear ${BATCH} docs, bulkWrites of 25 in sequence (relay), median`, value: median(ms.bulk), unit: 'ms' },
    { metric: `whole relay pass over ${BATCH} docs (read + no-op publish + clear), median`, value: median(ms.pass), unit: 'ms' },
    {
      metric: 'round trips to clear a batch, old → new',
      value: `${Math.ceil(BATCH / 50)} waves of 50 → ${Math.ceil(BATCH / 25)} commands`,
      unit: '',
    },
  ],
  { ms, load },
  [
    `${ROUNDS} rounds; collections of ${BATCH * 2} revisions, ${BATCH} of them cleared; load average 1 min ${load.map((l) => l.toFixed(1)).join(' → ')}.`,
  ],
);
console.log(JSON.stringify({ median: { perDocument: median(ms.perDocument), bulk: median(ms.bulk), pass: median(ms.pass) }, load }));
