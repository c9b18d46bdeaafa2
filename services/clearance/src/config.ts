import { z } from 'zod';
import { baseConfigSchema } from '@vetting/platform';

export const clearanceConfigSchema = baseConfigSchema.extend({
  /** How often the expiry job looks for clearances past their end. Default 60 s. */
  EXPIRY_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** Clearances read per expiry batch. Default 100. */
  EXPIRY_BATCH_SIZE: z.coerce.number().int().positive().max(1000).default(100),
});
export type ClearanceConfig = typeof clearanceConfigSchema._output;
