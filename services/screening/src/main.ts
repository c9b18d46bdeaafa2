import { createLogger, loadConfig, runService } from '@vetting/platform';
import { screeningConfigSchema } from './config';
import { startScreening } from './start-screening';

const config = loadConfig(screeningConfigSchema, {
  SERVICE_NAME: 'screening',
  MONGO_DB: 'vetting_screening',
  PORT: '4102',
  ...process.env,
});
await runService(createLogger('screening', config.LOG_LEVEL), async () => (await startScreening(config)).stops);
