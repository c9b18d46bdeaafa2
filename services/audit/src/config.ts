import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, isDevelopment } from '@vetting/platform';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const auditConfigSchema = baseConfigSchema.extend({
  /** Directory of the append-only checkpoint files (outside the database). Default `<repo>/.data/audit-checkpoints`. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default(`${repoRoot}.data/audit-checkpoints`),
  /**
   * Directory of the audit's secrets, apart from the checkpoints (its own secret or volume): the
   * Ed25519 key pair that signs checkpoints and bundles, and the key of the entries' keyed digests.
   * Generated on first start outside production; required in production, and never the checkpoint
   * directory or inside it (whoever can rewrite the checkpoints must not also hold the key that signs them).
   */
  AUDIT_KEY_DIR: z.string().min(1).optional(),
  /** Name of the chain in checkpoints and bundles. Default: the database name. */
  AUDIT_CHAIN_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,100}$/)
    .optional(),
  /** A signed checkpoint after this many new entries. Default 1000. */
  AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().positive().default(1000),
  /** And at least this often (seconds) while the chain grows. Default 60. */
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().positive().default(60),
  /** Most entries stored in one block (one insert). Default 1000. */
  AUDIT_APPEND_BATCH: z.coerce.number().int().positive().default(1000),
  /** The latest entries whose event ids an appender remembers, to drop redeliveries before linking. Default 20000. */
  AUDIT_DEDUP_WINDOW: z.coerce.number().int().positive().default(20_000),
  /** Worker threads verifying the chain in parallel segments; 0 = in the request's thread. Default: the cores Node may use. */
  AUDIT_VERIFY_WORKERS: z.coerce.number().int().min(0).max(64).default(availableParallelism()),
  /** About this many entries (whole blocks) per verification segment handed to a worker. Default 2000. */
  AUDIT_VERIFY_SEGMENT: z.coerce.number().int().positive().default(2000),
});
export type AuditConfig = typeof auditConfigSchema._output;

/** The audit key directory (see AUDIT_KEY_DIR): checked apart from the checkpoints; outside production a folder per database under the temp dir. */
export function auditKeyDirOf(c: AuditConfig): string {
  const dir = c.AUDIT_KEY_DIR ?? (!isDevelopment(c) ? undefined : join(tmpdir(), 'vetting-audit-keys', c.MONGO_DB));
  if (!dir)
    throw new ConfigError(['AUDIT_KEY_DIR: is required in production (the audit signing and digest keys, apart from the checkpoints)']);
  const inside = (a: string, b: string) => {
    const r = relative(resolve(b), resolve(a));
    return r === '' || (!r.startsWith('..') && !r.startsWith('/'));
  };
  if (inside(dir, c.AUDIT_CHECKPOINT_DIR) || inside(c.AUDIT_CHECKPOINT_DIR, dir))
    throw new ConfigError([
      'AUDIT_KEY_DIR: must be apart from AUDIT_CHECKPOINT_DIR (neither inside the other): the signing key must not sit beside what it signs',
    ]);
  return dir;
}
