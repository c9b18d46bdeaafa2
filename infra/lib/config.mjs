// Paths, ports and settings shared by every component. Everything is resolved
// from this file's location so the CLI works from any working directory.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const HOST = '127.0.0.1';
export const REPO_ROOT = resolve(here, '..', '..');
export const INFRA_DIR = join(REPO_ROOT, 'infra');
/**
 * Where the engines keep their data, pid files and logs. VETTING_DATA_DIR (with other VETTING_*_PORT
 * values) starts a second, independent stack next to the shared one, e.g. for a fault run that
 * restarts its own Kafka/FerretDB/PostgreSQL/Redis; the download cache stays shared.
 */
export const DATA_DIR = process.env.VETTING_DATA_DIR ? resolve(process.env.VETTING_DATA_DIR) : join(REPO_ROOT, '.data');
/** True when this is a private stack (VETTING_DATA_DIR), not the checkout's own `.data`. */
export const PRIVATE_STACK = DATA_DIR !== join(REPO_ROOT, '.data');
export const RUN_DIR = join(DATA_DIR, 'run');
export const LOG_DIR = join(DATA_DIR, 'logs');
export const ENV_FILE = join(DATA_DIR, 'infra.env');
export const CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vetting-platform');

function port(envName, fallback) {
  const raw = process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`${envName}=${raw} is not a valid TCP port`);
  }
  return n;
}

const kafkaPort = port('VETTING_KAFKA_PORT', 9092);

export const PORTS = {
  postgres: port('VETTING_PG_PORT', 5433),
  mongo: port('VETTING_MONGO_PORT', 27017),
  kafka: kafkaPort,
  // The KRaft controller listener sits next to the broker unless told otherwise.
  kafkaController: port('VETTING_KAFKA_CONTROLLER_PORT', kafkaPort + 1),
  redis: port('VETTING_REDIS_PORT', 6379),
};

/** `postgresql` (default) or `sqlite`. */
export const FERRETDB_BACKEND = (() => {
  const v = (process.env.VETTING_FERRETDB_BACKEND || 'postgresql').toLowerCase();
  if (v === 'postgres' || v === 'postgresql' || v === 'pg') return 'postgresql';
  if (v === 'sqlite') return 'sqlite';
  throw new Error(`VETTING_FERRETDB_BACKEND=${v}: expected "postgresql" or "sqlite"`);
})();

/** Seconds each component gets to become ready. */
export const READY_TIMEOUT_MS = Number(process.env.VETTING_INFRA_TIMEOUT_S || 60) * 1000;
