import { createLogger, loadConfig, runService } from '@vetting/platform';
import { accountabilityConfigSchema } from './config';
import { startAccountability } from './start-accountability';

const config = loadConfig(accountabilityConfigSchema, {
  SERVICE_NAME: 'accountability',
  MONGO_DB: 'vetting_accountability',
  PORT: '4106',
  ...process.env,
});
await runService(createLogger('accountability', config.LOG_LEVEL), async () => (await startAccountability(config)).stops);
