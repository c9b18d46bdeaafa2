/**
 * A private Kafka/FerretDB/PostgreSQL/Redis stack for a fault run (scripts/infra.mjs with
 * VETTING_DATA_DIR and its own ports), so a run can restart the broker and the databases without
 * touching the shared infrastructure other engineers and CI use. Same download cache; torn down after.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { infraFromEnv, readEnvFile, type InfraUrls } from '@vetting/platform/testing';

const run = promisify(execFile);
const infraCli = fileURLToPath(new URL('../../../scripts/infra.mjs', import.meta.url));
export type Engine = 'kafka' | 'redis' | 'ferretdb' | 'postgres';

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Four free ports, the Kafka one with a free neighbour (its KRaft controller listens there). */
async function pickPorts(): Promise<{ pg: number; mongo: number; kafka: number; redis: number }> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ports = [base, base + 1, base + 2, base + 3, base + 4];
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return { pg: base, mongo: base + 1, kafka: base + 2, redis: base + 4 };
  }
}

export interface PrivateStack {
  urls: InfraUrls;
  dataDir: string;
  /** Stops and starts one engine (`infra.mjs restart`), resolving once it is ready again. */
  restart(engine: Engine): Promise<void>;
  /** Stops every engine and deletes the data directory. */
  destroy(): Promise<void>;
}

export async function startPrivateStack(): Promise<PrivateStack> {
  const dir = mkdtempSync('/tmp/vetting-fault-stack-');
  // PostgreSQL runs as the postgres user, which must be able to reach its cluster directory.
  chmodSync(dir, 0o755);
  const ports = await pickPorts();
  const env = {
    ...process.env,
    VETTING_DATA_DIR: `${dir}/data`,
    VETTING_PG_PORT: String(ports.pg),
    VETTING_MONGO_PORT: String(ports.mongo),
    VETTING_KAFKA_PORT: String(ports.kafka),
    VETTING_KAFKA_CONTROLLER_PORT: String(ports.kafka + 1),
    VETTING_REDIS_PORT: String(ports.redis),
    VETTING_FERRETDB_BACKEND: 'postgresql',
    VETTING_INFRA_TIMEOUT_S: '180',
  };
  // infra.mjs explains a component that did not come up on stderr (with its log's last lines): keep it.
  const infra = (...args: string[]) =>
    run(process.execPath, [infraCli, ...args], { env, timeout: 600_000 }).catch((error: Error & { stderr?: string; stdout?: string }) => {
      throw new Error(`infra.mjs ${args.join(' ')} failed (data in ${dir}):\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
    });
  const destroy = async () => {
    await infra('down').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await infra('up');
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    // Its infra.env holds the addresses and the stack's own Kafka credentials (admin and per service).
    urls: infraFromEnv(readEnvFile(`${env.VETTING_DATA_DIR}/infra.env`)),
    dataDir: env.VETTING_DATA_DIR,
    restart: async (engine) => void (await infra('restart', engine)),
    destroy,
  };
}
