import { baseConfigSchema } from '@vetting/platform';

export const intakeConfigSchema = baseConfigSchema.extend({});
export type IntakeConfig = typeof intakeConfigSchema._output;
