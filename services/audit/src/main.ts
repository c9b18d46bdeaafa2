import { createLogger, loadConfig, runService } from '@vetting/platform';
import { auditConfigSchema } from './config';
import { startAudit } from './start-audit';

const config = loadConfig(auditConfigSchema, { SERVICE_NAME: 'audit', MONGO_DB: 'vetting_audit', PORT: '4105', ...process.env });
await runService(createLogger('audit', config.LOG_LEVEL), async () => (await startAudit(config)).stops);
