/**
 * Verifies the audit chain in the database against the signed checkpoints outside it:
 *   npx tsx services/audit/src/cli/verify-chain.ts [--from N] [--to N] [--index]
 * (`--index`: also check the query index rows against the hashed entries; a slower second pass)
 * Reads the same settings as the service (MONGO_URL, MONGO_DB, AUDIT_CHECKPOINT_DIR, AUDIT_KEY_DIR
 * for the public key, the Kafka settings for the published checkpoints, …). Prints
 * the result as JSON and a one-line verdict naming the first broken entry; exits 0 when the chain
 * verifies, 1 when it does not, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { AUDIT_CHECKPOINT_TOPIC } from '@vetting/contracts';
import { connectMongo, createKafka, createLogger, loadConfig } from '@vetting/platform';
import { auditConfigSchema, auditKeyDirOf } from '../config';
import { createAuditEntryRepository } from '../data/audit-entry.repository';
import { createCheckpointStore, loadPublicKey } from '../data/checkpoint.store';
import { createVerifyPool } from '../data/verify-pool';
import { startPublishedCheckpoints } from '../data/published-checkpoints';
import { verifyChain } from '../use-cases/verify-chain.use-case';

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, index: { type: 'boolean' } } });
const toSeq = (v?: string) => (v === undefined ? undefined : Number(v));
const [from, to] = [toSeq(values.from), toSeq(values.to)];
if ([from, to].some((v) => v !== undefined && (!Number.isInteger(v) || v < 1))) {
  process.stderr.write('usage: verify-chain [--from N] [--to N] (positive integers) [--index]\n');
  process.exit(2);
}
const config = loadConfig(auditConfigSchema, {
  SERVICE_NAME: 'audit-verify',
  MONGO_DB: 'vetting_audit',
  PORT: '0',
  AUTH_JWKS: 'unused',
  ...process.env,
});
const logger = createLogger('audit-verify', 'warn');
const db = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB, logger });
const kafka = createKafka({ clientId: 'audit-verify', brokers: config.KAFKA_BROKERS, logger });
const published = await startPublishedCheckpoints({
  kafka,
  topic: `${config.TOPIC_PREFIX}${AUDIT_CHECKPOINT_TOPIC}`,
  groupPrefix: `${config.TOPIC_PREFIX}audit-verify`,
  logger,
});
try {
  const publicKey = await loadPublicKey(auditKeyDirOf(config));
  const chainId = config.AUDIT_CHAIN_ID ?? config.MONGO_DB;
  const started = Date.now();
  const pool = config.AUDIT_VERIFY_WORKERS > 0 ? createVerifyPool(config.AUDIT_VERIFY_WORKERS) : undefined;
  const deps = {
    repository: createAuditEntryRepository(db),
    published,
    checkpoints: createCheckpointStore(config.AUDIT_CHECKPOINT_DIR, chainId),
    publicKey,
    chainId,
    segmentSize: config.AUDIT_VERIFY_SEGMENT,
  };
  const result = await verifyChain({ ...deps, ...(pool ? { pool } : {}) }, { from, to }, { index: values.index === true }).finally(() =>
    pool?.close(),
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const seconds = (Date.now() - started) / 1000;
  if (result.ok) process.stdout.write(`OK: ${result.checked} entries verified up to ${result.headSeq} in ${seconds.toFixed(1)} s\n`);
  else if (result.firstBroken)
    process.stdout.write(`BROKEN at entry ${result.firstBroken.seq}: ${result.firstBroken.reason} — ${result.firstBroken.detail}\n`);
  else process.stdout.write(`BROKEN checkpoint file: ${JSON.stringify(result.checkpoints.invalid)}\n`);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await published.stop();
  await db.close();
}
