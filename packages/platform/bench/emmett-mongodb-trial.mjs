/**
 * The trial behind docs/decisions/aggregate-store-not-emmett-mongodb.md: @event-driven-io/emmett-mongodb's
 * event store under concurrent appends on the real database. Not a dependency of the project (its
 * 0.42.4 asks for @event-driven-io/emmett 0.42.4, which the registry does not serve), so it is run
 * from a scratch install:
 *   npm i --prefix /tmp/emmett --legacy-peer-deps @event-driven-io/emmett-mongodb@0.42.4 @event-driven-io/emmett@0.42.0 mongodb@6 uuid async-retry
 *   EMMETT_DIR=/tmp/emmett MONGO_URL=mongodb://127.0.0.1:27017 node packages/platform/bench/emmett-mongodb-trial.mjs
 * Writers on separate connections each read the stream's version and append one event expecting it
 * (optimistic concurrency); on a conflict they read again and retry. Every append that returned
 * without error must be in the stream exactly once.
 */
import { createRequire } from 'node:module';

const require = createRequire(`${process.env.EMMETT_DIR}/node_modules/`);
const { getMongoDBEventStore } = require('@event-driven-io/emmett-mongodb');
const { MongoClient } = require('mongodb');

const url = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const WRITERS = Number(process.env.TRIAL_WRITERS ?? 4);
const APPENDS = Number(process.env.TRIAL_APPENDS ?? 10);
const dbName = `emmett_trial_${Date.now()}`;
const clients = await Promise.all(Array.from({ length: WRITERS }, () => MongoClient.connect(url, { monitorCommands: true })));
let commands = 0;
for (const c of clients) {
  c.on('commandStarted', () => commands++);
}
const stores = clients.map((client) =>
  getMongoDBEventStore({ client, storage: { type: 'COLLECTION_PER_STREAM_TYPE', databaseName: dbName } }),
);
const stream = 'tally:t1';
const acknowledged = [];
const errors = {};
const started = performance.now();
await Promise.all(
  stores.map(async (store, w) => {
    for (let i = 0; i < APPENDS; i++) {
      const id = `w${w}-${i}`;
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          const { currentStreamVersion } = await store.readStream(stream);
          await store.appendToStream(stream, [{ type: 'Counted', data: { id } }], { expectedStreamVersion: currentStreamVersion });
          acknowledged.push(id);
          break;
        } catch (error) {
          const name = `${error?.constructor?.name ?? 'Error'}: ${String(error?.message).slice(0, 80)}`;
          errors[name] = (errors[name] ?? 0) + 1;
        }
      }
    }
  }),
);
const elapsed = performance.now() - started;
const { events, currentStreamVersion } = await stores[0].readStream(stream);
const stored = events.map((e) => e.data.id);
const lost = acknowledged.filter((id) => !stored.includes(id));
console.log(
  JSON.stringify(
    {
      url,
      writers: WRITERS,
      appendsPerWriter: APPENDS,
      acknowledged: acknowledged.length,
      storedEvents: stored.length,
      streamVersion: Number(currentStreamVersion),
      lostAcknowledged: lost.length,
      storedTwice: stored.length - new Set(stored).size,
      retriedErrors: errors,
      elapsedMs: Math.round(elapsed),
      commandsPerAcknowledgedAppend: Number((commands / Math.max(1, acknowledged.length)).toFixed(1)),
    },
    null,
    2,
  ),
);
await clients[0].db(dbName).dropDatabase();
await Promise.all(clients.map((c) => c.close()));
