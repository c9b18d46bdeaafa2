import { runServiceMain } from '@vetting/platform';
import { intakeConfigSchema } from './config';
import { startIntake } from './start-intake';

await runServiceMain(intakeConfigSchema, { SERVICE_NAME: 'intake', MONGO_DB: 'vetting_intake', PORT: '4101' }, startIntake);
