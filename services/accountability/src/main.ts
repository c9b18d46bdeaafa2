import { runServiceMain } from '@vetting/platform';
import { accountabilityConfigSchema } from './config';
import { startAccountability } from './start-accountability';

await runServiceMain(
  accountabilityConfigSchema,
  { SERVICE_NAME: 'accountability', MONGO_DB: 'vetting_accountability', PORT: '4106' },
  startAccountability,
);
