// Apache Kafka 3.9 in KRaft mode (one node: broker + controller), run from the
// org.apache.kafka:kafka_2.13 jars that Maven copies into the cache. Clients authenticate with
// SASL/SCRAM (one principal per service) and the StandardAuthorizer denies what the ACLs of
// infra/topics.json do not allow (see kafka-security.mjs). The broker's server.properties and JVM flags
// are in kafka-broker-config.mjs, the topics and the readiness round trip in kafka-admin.mjs.
//   format:  java -cp <libs>/* kafka.tools.StorageTool format -t <cluster id> -c server.properties --add-scram ...
//   server:  java -cp <libs>/* kafka.Kafka server.properties
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, HOST, INFRA_DIR, PORTS, READY_TIMEOUT_MS } from './config.mjs';
import { aptInstall } from './apt.mjs';
import { ensureDir, run, spawnDetached, stopProcess, which } from './proc.mjs';
import { requireWorkspacePackage, waitFor, withTimeout } from './readiness.mjs';
import { syncAcls } from '../../contracts/src/topic-access.mjs';
import { credentials, formatScramArgs, registerScramUsers, saveCredentials, topicsSpec, unregistered } from './kafka-security.mjs';
import {
  clusterId,
  JVM_TUNING,
  javaArgs as brokerJavaArgs,
  LOG_DIRS,
  SERVER_PROPS,
  serverProperties,
  STATE_DIR,
} from './kafka-broker-config.mjs';
import { ensureTopics, kafkaClient, roundTrip, topicsFromFile } from './kafka-admin.mjs';

export { topicsFromFile } from './kafka-admin.mjs';

const POM = join(INFRA_DIR, 'kafka', 'pom.xml');

/** Preferred first; the first one Maven Central serves is used. */
const VERSIONS = process.env.VETTING_KAFKA_VERSION ? [process.env.VETTING_KAFKA_VERSION] : ['3.9.1', '3.9.0'];

const pomHash = () => createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 16);
const libsDir = (version) => join(CACHE_DIR, `kafka-${version}`, 'libs');
const marker = (version) => join(CACHE_DIR, `kafka-${version}`, 'complete');
const isComplete = (version) => {
  try {
    return readFileSync(marker(version), 'utf8').trim() === pomHash();
  } catch {
    return false;
  }
};

let version = null;
let java = null;

const javaArgs = () => brokerJavaArgs(libsDir(version));

/**
 * Data formatted before SCRAM (or a principal added to topics.json since): start the broker once with
 * the admin also accepted over PLAIN (static credentials), register the missing SCRAM users through
 * it, stop it. The normal start that follows accepts SCRAM only.
 */
async function bootstrapUsers(stored) {
  process.stderr.write(`infra: kafka: registering SCRAM users ${unregistered(stored).join(', ')} (once)...\n`);
  writeFileSync(SERVER_PROPS, serverProperties(stored, { bootstrapAdmin: true }), { mode: 0o600 });
  const pid = spawnDetached('kafka', java, [...javaArgs(), 'kafka.Kafka', SERVER_PROPS], { cwd: STATE_DIR });
  try {
    const kafka = kafkaClient({ plain: true });
    await waitFor('kafka (registering users)', () => withTimeout(roundTrip(kafka), 30_000, 'produce/consume'), {
      pid,
      intervalMs: 1_000,
      timeoutMs: 2 * READY_TIMEOUT_MS,
    });
    await registerScramUsers(stored, { java, javaArgs: javaArgs(), bootstrap: `${HOST}:${PORTS.kafka}`, dir: STATE_DIR });
  } finally {
    await stopProcess('kafka', { marker: 'kafka.Kafka', timeoutMs: 45_000 });
    writeFileSync(SERVER_PROPS, serverProperties(stored), { mode: 0o600 });
  }
}

export default {
  name: 'kafka',
  marker: 'kafka.Kafka',
  stopSignal: 'SIGTERM',
  stopTimeoutMs: 45_000,
  // `security` in the fingerprint: a broker still running without SASL is restarted by `up`.
  settings: () => ({ controller: PORTS.kafkaController, jvm: JVM_TUNING.join(' '), security: 'sasl-scram+acl' }),
  port: () => PORTS.kafka,
  address: () => `${HOST}:${PORTS.kafka}`,
  deps: [],

  async install() {
    java = which('java');
    if (!java) {
      await aptInstall('kafka', ['openjdk-17-jre-headless']);
      java = which('java');
    }
    version = VERSIONS.find(isComplete) ?? null;
    if (version) return;
    if (!which('mvn')) await aptInstall('kafka', ['maven']);
    const errors = [];
    for (const v of VERSIONS) {
      process.stderr.write(`infra: kafka: fetching Kafka ${v} jars with Maven (first run only)...\n`);
      const target = libsDir(v);
      const tmp = `${target}.${process.pid}.tmp`;
      rmSync(tmp, { recursive: true, force: true });
      try {
        await run('mvn', [
          '-B',
          '-q',
          '-f',
          POM,
          `-Dmaven.repo.local=${join(CACHE_DIR, 'm2')}`,
          `-Dkafka.version=${v}`,
          'dependency:copy-dependencies',
          `-DoutputDirectory=${tmp}`,
        ]);
      } catch (err) {
        errors.push(err.message);
        rmSync(tmp, { recursive: true, force: true });
        continue;
      }
      rmSync(target, { recursive: true, force: true });
      renameSync(tmp, target);
      writeFileSync(marker(v), `${pomHash()}\n`);
      version = v;
      return;
    }
    throw new Error(`kafka: Maven could not fetch Kafka ${VERSIONS.join(' or ')}:\n${errors.join('\n')}`);
  },

  async start() {
    ensureDir(LOG_DIRS);
    const stored = credentials();
    writeFileSync(SERVER_PROPS, serverProperties(stored), { mode: 0o600 });
    if (!existsSync(join(LOG_DIRS, 'meta.properties'))) {
      // A new cluster: every principal's SCRAM credentials are bootstrapped into its metadata.
      await run(java, [
        ...javaArgs(),
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId(),
        '-c',
        SERVER_PROPS,
        '--ignore-formatted',
        ...formatScramArgs(stored),
      ]).catch((err) => {
        throw new Error(`kafka: formatting ${LOG_DIRS} failed (exit ${err.message.split('\n')[0].split(' exited with ').pop()})`);
      });
      stored.registered = Object.keys(stored.users);
      saveCredentials(stored);
    } else if (unregistered(stored).length) {
      await bootstrapUsers(stored);
    }
    return spawnDetached('kafka', java, [...javaArgs(), 'kafka.Kafka', SERVER_PROPS], {
      cwd: STATE_DIR,
    });
  },

  async ready(pid) {
    const kafka = kafkaClient();
    // The JVM start alone takes 10-25 s on a busy 2-core machine: Kafka gets twice the
    // common timeout (a process that dies still fails at once).
    await waitFor('kafka', () => withTimeout(roundTrip(kafka), 30_000, 'produce/consume'), {
      pid,
      intervalMs: 1_000,
      timeoutMs: 2 * READY_TIMEOUT_MS,
    });
  },

  /** The platform's topics and their .dlq twins, from infra/topics.json. */
  async afterReady() {
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      await ensureTopics(admin, topicsFromFile());
      await syncAcls(admin, requireWorkspacePackage('kafkajs'), topicsSpec());
    } finally {
      await admin.disconnect().catch(() => {});
    }
  },
};
