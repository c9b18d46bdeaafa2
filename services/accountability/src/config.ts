import { z } from 'zod';
import { baseConfigSchema } from '@vetting/platform';

export const accountabilityConfigSchema = baseConfigSchema.extend({
  /** Days an accepted safeguarding self-assessment stays current before the office is due again. Default 365. */
  ASSESSMENT_VALID_DAYS: z.coerce.number().int().positive().max(3650).default(365),
});
export type AccountabilityConfig = typeof accountabilityConfigSchema._output;
