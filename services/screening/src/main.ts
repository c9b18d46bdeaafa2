import { runServiceMain } from '@vetting/platform';
import { screeningConfigSchema } from './config';
import { startScreening } from './start-screening';

await runServiceMain(screeningConfigSchema, { SERVICE_NAME: 'screening', MONGO_DB: 'vetting_screening', PORT: '4102' }, startScreening);
