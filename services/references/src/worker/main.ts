import { createLogger, loadConfig, runService } from '@vetting/platform';
import { referencesConfigSchema } from '../config';
import { startReferencesWorker } from './start-worker';

const config = loadConfig(referencesConfigSchema, {
  SERVICE_NAME: 'references',
  MONGO_DB: 'vetting_references',
  PORT: '4103',
  ...process.env,
});
await runService(createLogger('references-worker', config.LOG_LEVEL), async () => (await startReferencesWorker(config)).stops);
