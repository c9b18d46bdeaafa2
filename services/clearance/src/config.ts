import { baseConfigSchema } from '@vetting/platform';

export const clearanceConfigSchema = baseConfigSchema.extend({});
export type ClearanceConfig = typeof clearanceConfigSchema._output;
