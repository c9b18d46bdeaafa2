import { baseConfigSchema } from '@vetting/platform';

export const referencesConfigSchema = baseConfigSchema.extend({});
export type ReferencesConfig = typeof referencesConfigSchema._output;
