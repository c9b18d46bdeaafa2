import { runServiceMain } from '@vetting/platform';
import { auditConfigSchema } from './config';
import { startAudit } from './start-audit';

await runServiceMain(auditConfigSchema, { SERVICE_NAME: 'audit', MONGO_DB: 'vetting_audit', PORT: '4105' }, startAudit);
