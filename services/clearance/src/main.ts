import { runServiceMain } from '@vetting/platform';
import { clearanceConfigSchema } from './config';
import { startClearance } from './start-clearance';

await runServiceMain(clearanceConfigSchema, { SERVICE_NAME: 'clearance', MONGO_DB: 'vetting_clearance', PORT: '4104' }, startClearance);
