import { createLogger, loadConfig, runService } from '@vetting/platform';
import { clearanceConfigSchema } from './config';
import { startClearance } from './start-clearance';

const config = loadConfig(clearanceConfigSchema, {
  SERVICE_NAME: 'clearance',
  MONGO_DB: 'vetting_clearance',
  PORT: '4104',
  ...process.env,
});
await runService(createLogger('clearance', config.LOG_LEVEL), async () => (await startClearance(config)).stops);
