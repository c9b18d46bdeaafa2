import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * FerretDB v1 kept an update's read query, and its pooled PostgreSQL connection, open while it took a
 * second connection to write; an `update` command kept every statement's read open until the command
 * ended. A few concurrent multi-statement updates then held the whole pool and waited for each other
 * forever: the whole server stopped (infra/README.md, "FerretDB"). infra/ferretdb/patches releases the
 * read first. This starts FerretDB as `npm start` builds it, with a pool of four connections, and
 * sends it what deadlocked it.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const HANG_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('the FerretDB that infra builds and starts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ferretdb-pool-'));
  let env: NodeJS.ProcessEnv = {};
  let client: MongoClient;

  beforeAll(async () => {
    env = {
      ...process.env,
      VETTING_DATA_DIR: dataDir,
      VETTING_PG_PORT: String(await freePort()),
      VETTING_MONGO_PORT: String(await freePort()),
      VETTING_FERRETDB_POOL: '4',
    };
    await run(process.execPath, ['scripts/infra.mjs', 'up', 'ferretdb'], { cwd: repoRoot, env });
    client = await MongoClient.connect(`mongodb://127.0.0.1:${env.VETTING_MONGO_PORT}/?directConnection=true`, { maxPoolSize: 20 });
  });

  afterAll(async () => {
    await client?.close();
    await run(process.execPath, ['scripts/infra.mjs', 'down'], { cwd: repoRoot, env }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when concurrent updates of ten statements each and find-and-modify calls share a pool of four connections, then every one completes and applies once', async () => {
    const docs = client.db('pool_deadlock').collection<{ _id: number; n: number }>('docs');
    await docs.insertMany(Array.from({ length: 80 }, (_, i) => ({ _id: i, n: 0 })));

    const bulkUpdates = Array.from({ length: 6 }, (_, w) =>
      docs.bulkWrite(
        Array.from({ length: 10 }, (_, s) => ({ updateOne: { filter: { _id: w * 10 + s }, update: { $inc: { n: 1 } } } })),
        { ordered: false },
      ),
    );
    const modifies = Array.from({ length: 4 }, (_, i) => docs.findOneAndUpdate({ _id: 60 + i }, { $inc: { n: 1 } }));
    const removes = Array.from({ length: 4 }, (_, i) => docs.findOneAndDelete({ _id: 70 + i }));
    const all = Promise.all([...bulkUpdates, ...modifies, ...removes]).then(() => 'completed');
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve('hung'), HANG_MS).unref());

    expect(await Promise.race([all, hung])).toBe('completed');
    expect(await docs.countDocuments({ n: 1 })).toBe(64);
    expect(await docs.countDocuments({ _id: { $gte: 70, $lt: 74 } })).toBe(0);
  });
});
