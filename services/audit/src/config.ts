import { baseConfigSchema } from '@vetting/platform';

export const auditConfigSchema = baseConfigSchema.extend({});
export type AuditConfig = typeof auditConfigSchema._output;
