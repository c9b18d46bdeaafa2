// FerretDB v1.24 (MongoDB wire protocol) through the Go launcher in
// infra/ferretdb, built once into the cache (keyed by a hash of its sources).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, FERRETDB_BACKEND, HOST, PORTS } from './config.mjs';
import { binaryPath, buildBinary } from './ferretdb-build.mjs';
import { ensureDir, spawnDetached } from './proc.mjs';
import { requireWorkspacePackage, waitFor, withTimeout } from './readiness.mjs';
import { pgUrl } from './postgres.mjs';

const SQLITE_DIR = join(DATA_DIR, 'ferretdb-sqlite');

export const mongoUrl = () => `mongodb://${HOST}:${PORTS.mongo}`;

export default {
  name: 'ferretdb',
  marker: 'vetting-ferretdb',
  stopSignal: 'SIGTERM',
  port: () => PORTS.mongo,
  address: () => `${HOST}:${PORTS.mongo}`,
  deps: FERRETDB_BACKEND === 'postgresql' ? ['postgres'] : [],
  /** `running`: the settings the live process was started with, if known. */
  detail: (running) => `${running?.backend ?? FERRETDB_BACKEND} backend`,
  settings: () => ({
    backend: FERRETDB_BACKEND,
    ...(FERRETDB_BACKEND === 'postgresql' ? { postgres: PORTS.postgres } : {}),
  }),

  async install() {
    const bin = binaryPath();
    if (existsSync(bin)) return;
    ensureDir(join(bin, '..'));
    await buildBinary(bin);
  },

  async start() {
    const args = [
      '-listen',
      `${HOST}:${PORTS.mongo}`,
      '-handler',
      FERRETDB_BACKEND,
      // info logs every connection; warn still shows failed commands.
      '-log-level',
      process.env.VETTING_FERRETDB_LOG_LEVEL || 'warn',
    ];
    if (FERRETDB_BACKEND === 'sqlite') {
      ensureDir(SQLITE_DIR);
      args.push('-sqlite-url', `file:${SQLITE_DIR}/`);
    } else {
      // FerretDB v1 holds a pooled PostgreSQL connection for every open cursor, and takes its metadata
      // lock *before* a connection when it creates a collection or index: the default pool of 50 is
      // too small for parallel test suites. PostgreSQL allows 200 (postgres.mjs); leave room for psql
      // and a second stack. (Updates no longer hold one connection while awaiting another: patches/.)
      // plan_cache_mode: FerretDB prepares one statement per table for every equality filter
      // (`_jsonb->$1 @> $2`, any field). After five runs PostgreSQL may settle on a generic plan,
      // which cannot use the GIN twins (gin_twins.go) because the field is a parameter: measured,
      // a lookup by _id on 100,000 rows stayed at 250–400 ms instead of 0.1 ms.
      args.push(
        '-postgresql-url',
        `${pgUrl()}?pool_max_conns=${process.env.VETTING_FERRETDB_POOL ?? 150}&plan_cache_mode=force_custom_plan`,
      );
    }
    return spawnDetached('ferretdb', binaryPath(), args, { cwd: DATA_DIR });
  },

  async ready(pid) {
    const { MongoClient } = requireWorkspacePackage('mongodb');
    const probe = async () => {
      const client = new MongoClient(`${mongoUrl()}/?directConnection=true`, {
        serverSelectionTimeoutMS: 2_000,
        connectTimeoutMS: 2_000,
      });
      try {
        await client.connect();
        const coll = client.db('infra_readiness').collection('probes');
        const _id = randomUUID();
        await coll.insertOne({ _id, at: new Date() });
        const found = await coll.findOne({ _id });
        if (!found) throw new Error('inserted document not found');
        await coll.deleteOne({ _id });
      } finally {
        await client.close().catch(() => {});
      }
    };
    await waitFor('ferretdb', () => withTimeout(probe(), 10_000, 'insert + find'), { pid });
  },
};
