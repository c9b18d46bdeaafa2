/**
 * `npx tsx bench/profile-ops.ts`: times the database operations one check costs on the real
 * FerretDB, to see where the pipeline's time goes (not a benchmark: a profiling aid).
 */
import { connectMongo, createAggregateStore, createLogger } from '@vetting/platform';
import { randomName, testInfra } from '@vetting/platform/testing';

const N = Number(process.env.PROFILE_N ?? 200);
const infra = await testInfra();
const db = await connectMongo({
  url: infra.mongoUrl,
  dbName: randomName('refprof').replace(/-/g, '_'),
  logger: createLogger('p', 'silent'),
});
const store = createAggregateStore<{ n: number; state: string }>(db, 'checks');
await store.ensureIndexes([{ state: 1 }]);
const plain = db.collection('plain');

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>, parallel = 1) {
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
  const ms = performance.now() - t;
  process.stdout.write(
    `${label.padEnd(48)} ${n} ops × ${parallel} parallel: ${(ms / n).toFixed(2)} ms/op, ${(n / (ms / 1000)).toFixed(0)} ops/s\n`,
  );
}

await time('insertOne (plain)', N, (i) => plain.insertOne({ _id: `a${i}` as never, v: i }));
await time('insertOne (plain) ×16 parallel', N, (i) => plain.insertOne({ _id: `b${i}` as never, v: i }), 16);
await time('findOne by _id', N, (i) => plain.findOne({ _id: `a${i}` as never }));
await time('insertMany 100 docs (per doc)', 1, () =>
  plain.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: `m${i}` as never, v: i }))),
);
await time('store.apply create (whole)', N, (i) => store.apply(`c${i}`, `open:${i}`, () => ({ state: { n: i, state: 'requested' } })));
await time(
  'store.apply create ×16 parallel',
  N,
  (i) => store.apply(`d${i}`, `open:d${i}`, () => ({ state: { n: i, state: 'requested' } })),
  16,
);
await time('store.load (latest revision)', N, (i) => store.load(`c${i}`));
await time('store.apply next revision', N, (i) =>
  store.apply(`c${i}`, `result:${i}`, (c) => ({ state: { ...c!.state, state: 'completed' } })),
);
await time('store.createMany 100 (per 100)', 1, () =>
  store.createMany(Array.from({ length: 100 }, (_, i) => ({ id: `e${i}`, causedBy: `open:e${i}`, state: { n: i, state: 'requested' } }))),
);
await time('view find by state (limit 100)', 20, () => store.find({ state: 'requested' }, { limit: 100 }));
await db.dropDatabase();
await db.close();
