import { z } from 'zod';
import { baseConfigSchema } from '@vetting/platform';

export const screeningConfigSchema = baseConfigSchema.extend({
  /** Score at or above which a hit needs human review. Default: the engine's calibrated value. */
  MATCH_UPPER_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  /** Score below which a candidate is clear. */
  MATCH_LOWER_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
});
export type ScreeningConfig = z.infer<typeof screeningConfigSchema>;
