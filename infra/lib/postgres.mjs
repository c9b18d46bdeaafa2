// PostgreSQL (Debian's packages) as FerretDB's backend: our own cluster in
// .data/postgres, 127.0.0.1 only, trust auth on loopback, database `ferretdb`.
import { createHash } from 'node:crypto';
import { chownSync, existsSync, lstatSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, HOST, PORTS, PRIVATE_STACK, REPO_ROOT } from './config.mjs';
import { aptInstall, stopSystemService } from './apt.mjs';
import { ensureDir, run, spawnDetached } from './proc.mjs';
import { waitFor } from './readiness.mjs';

const PG_ROOT = '/usr/lib/postgresql';
const PG_DATA = join(DATA_DIR, 'postgres');
export const PG_DATABASE = 'ferretdb';
export const PG_USER = 'postgres';
const SERVER_SETTINGS = {
  listen_addresses: HOST,
  unix_socket_directories: '', // TCP only: no socket directory to own or clean up
  max_connections: 200,
  logging_collector: 'off', // output goes to .data/logs/postgres.log
};

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

/**
 * Where the cluster lives: .data/postgres, unless the postgres user cannot
 * reach .data (a checkout under /root, mode 700). Then the cluster goes to
 * /var/lib/postgresql/vetting-<hash of the checkout path> and .data/postgres
 * is a symlink to it.
 */
const fallbackDir = () =>
  // A private stack (VETTING_DATA_DIR) gets its own fallback directory, never the shared one's.
  join(
    '/var/lib/postgresql',
    `vetting-${createHash('sha256')
      .update(PRIVATE_STACK ? DATA_DIR : REPO_ROOT)
      .digest('hex')
      .slice(0, 12)}`,
  );

/** The cluster's real path (what postgres itself must be given). */
const clusterDir = () => (existsSync(PG_DATA) ? realpathSync(PG_DATA) : PG_DATA);

async function prepareClusterDir(as) {
  if (existsSync(join(PG_DATA, 'PG_VERSION'))) return;
  if (!isRoot()) return ensureDir(PG_DATA);
  ensureDir(DATA_DIR);
  const reachable = await run('runuser', ['-u', 'postgres', '--', 'test', '-x', DATA_DIR]).then(
    () => true,
    () => false,
  );
  if (reachable) {
    ensureDir(PG_DATA);
  } else {
    const dir = fallbackDir();
    rmSync(dir, { recursive: true, force: true });
    ensureDir(dir);
    rmSync(PG_DATA, { recursive: true, force: true });
    symlinkSync(dir, PG_DATA);
  }
  // Only the cluster directory itself needs to belong to postgres; initdb fills it.
  chownSync(PG_DATA, as.uid, as.gid);
}

export const pgUrl = (db = PG_DATABASE) => `postgres://${PG_USER}@${HOST}:${PORTS.postgres}/${db}`;

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
      await prepareClusterDir(as);
      // runuser so that initdb runs as the postgres system user (it refuses root).
      const initdb = ['-D', clusterDir(), '-U', PG_USER, '--auth=trust', '--encoding=UTF8', '--locale=C'];
      if (isRoot()) {
        await run('runuser', ['-u', 'postgres', '--', bin('initdb'), ...initdb], { cwd: '/' });
      } else {
        await run(bin('initdb'), initdb);
      }
    }
    // The postmaster itself is our child (spawned with the postgres uid/gid), so
    // its pid is the one in our pid file and signals reach it directly.
    return spawnDetached(
      'postgres',
      bin('postgres'),
      [...['-D', clusterDir(), '-p', String(PORTS.postgres)], ...Object.entries(SERVER_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
      { ...as, cwd: clusterDir(), env: { ...process.env, HOME: clusterDir(), LC_ALL: 'C' } },
    );
  },

  /** Called by `reset` before .data is deleted: a cluster outside .data goes too. */
  reset() {
    try {
      if (lstatSync(PG_DATA).isSymbolicLink()) rmSync(fallbackDir(), { recursive: true, force: true });
    } catch {
      /* no cluster */
    }
  },

  async ready(pid) {
    const conn = ['-h', HOST, '-p', String(PORTS.postgres), '-U', PG_USER];
    await waitFor('postgres', () => run(bin('pg_isready'), [...conn, '-d', 'postgres']), {
      pid,
      intervalMs: 300,
    });
    const psql = (db, sql) => run(bin('psql'), [...conn, '-X', '-q', '-tA', '-d', db, '-c', sql]);
    const { stdout } = await psql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${PG_DATABASE}'`);
    if (stdout.trim() !== '1') await psql('postgres', `CREATE DATABASE ${PG_DATABASE}`);
    await psql(PG_DATABASE, 'SELECT 1');
  },
};
