import { createLogger, loadConfig, runService } from '@vetting/platform';
import { intakeConfigSchema } from './config';
import { startIntake } from './start-intake';

const config = loadConfig(intakeConfigSchema, { SERVICE_NAME: 'intake', MONGO_DB: 'vetting_intake', PORT: '4101', ...process.env });
await runService(createLogger('intake', config.LOG_LEVEL), async () => (await startIntake(config)).stops);
