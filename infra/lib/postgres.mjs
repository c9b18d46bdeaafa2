// PostgreSQL (Debian's packages) as FerretDB's backend: our own cluster in
// .data/postgres, 127.0.0.1 only, trust auth on loopback, database `ferretdb`.
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, HOST, PORTS } from './config.mjs';
import { aptInstall, stopSystemService } from './apt.mjs';
import { ensureDir, run, spawnDetached } from './proc.mjs';
import { waitFor } from './readiness.mjs';

const PG_ROOT = '/usr/lib/postgresql';
const PG_DATA = join(DATA_DIR, 'postgres');
export const PG_DATABASE = 'ferretdb';
export const PG_USER = 'postgres';

/** Highest installed major version's bin directory, or null. */
function findBinDir() {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(PG_ROOT, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(PG_ROOT, versions[0], 'bin') : null;
}

let binDir = null;
const bin = (name) => join(binDir ?? findBinDir() ?? PG_ROOT, name);

const isRoot = () => process.getuid?.() === 0;

/** uid/gid of the `postgres` system user when we are root (postgres refuses root). */
async function runAs() {
  if (!isRoot()) return {};
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

function chownTree(path, uid, gid) {
  // Only the cluster directory itself needs to belong to postgres; initdb fills it.
  chownSync(path, uid, gid);
}

export const pgUrl = (db = PG_DATABASE) =>
  `postgres://${PG_USER}@${HOST}:${PORTS.postgres}/${db}`;

export default {
  name: 'postgres',
  marker: '/bin/postgres',
  stopSignal: 'SIGINT', // "fast" shutdown: SIGTERM would wait for every client to leave
  port: () => PORTS.postgres,
  address: () => `${HOST}:${PORTS.postgres}`,
  deps: [],

  async install() {
    binDir = findBinDir();
    if (binDir) return;
    await aptInstall('postgres', ['postgresql']);
    // The package creates and may start its own cluster (port 5432); we use ours.
    await stopSystemService('postgresql');
    binDir = findBinDir();
    if (!binDir) throw new Error(`postgres: installed, but no ${PG_ROOT}/<version>/bin/postgres`);
  },

  async start() {
    const as = await runAs();
    if (!existsSync(join(PG_DATA, 'PG_VERSION'))) {
      ensureDir(PG_DATA);
      if (isRoot()) chownTree(PG_DATA, as.uid, as.gid);
      // runuser so that initdb runs as the postgres system user (it refuses root).
      const initdb = [
        '-D', PG_DATA, '-U', PG_USER, '--auth=trust', '--encoding=UTF8', '--locale=C',
      ];
      if (isRoot()) await run('runuser', ['-u', 'postgres', '--', bin('initdb'), ...initdb]);
      else await run(bin('initdb'), initdb);
    }
    // The postmaster itself is our child (spawned with the postgres uid/gid), so
    // its pid is the one in our pid file and signals reach it directly.
    return spawnDetached(
      'postgres',
      bin('postgres'),
      [
        '-D', PG_DATA,
        '-p', String(PORTS.postgres),
        '-c', `listen_addresses=${HOST}`,
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=200',
        '-c', 'logging_collector=off',
      ],
      { ...as, cwd: PG_DATA, env: { ...process.env, HOME: PG_DATA, LC_ALL: 'C' } },
    );
  },

  async ready(pid) {
    const conn = ['-h', HOST, '-p', String(PORTS.postgres), '-U', PG_USER];
    await waitFor('postgres', () => run(bin('pg_isready'), [...conn, '-d', 'postgres']), {
      pid,
      intervalMs: 300,
    });
    const psql = (db, sql) => run(bin('psql'), [...conn, '-X', '-q', '-tA', '-d', db, '-c', sql]);
    const { stdout } = await psql(
      'postgres',
      `SELECT 1 FROM pg_database WHERE datname = '${PG_DATABASE}'`,
    );
    if (stdout.trim() !== '1') await psql('postgres', `CREATE DATABASE ${PG_DATABASE}`);
    await psql(PG_DATABASE, 'SELECT 1');
  },
};
