import { createLogger, loadConfig, runService } from '@vetting/platform';
import { referencesConfigSchema } from './config';
import { startReferences } from './start-references';

const config = loadConfig(referencesConfigSchema, {
  SERVICE_NAME: 'references',
  MONGO_DB: 'vetting_references',
  PORT: '4103',
  ...process.env,
});
await runService(createLogger('references', config.LOG_LEVEL), async () => (await startReferences(config)).stops);
