import { z } from 'zod';
import { baseConfigSchema } from '@vetting/platform';

export const intakeConfigSchema = baseConfigSchema.extend({
  /** Largest contingent file accepted, in bytes. Default 20 MB (a 10,000-row CSV is about 3 MB). */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Outbox documents published per relay pass; large so a 10,000-row upload drains quickly. Default 1000. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().positive().default(1000),
});
export type IntakeConfig = typeof intakeConfigSchema._output;
