import { runServiceMain } from '@vetting/platform';
import { referencesConfigSchema } from './config';
import { startReferences } from './start-references';

await runServiceMain(referencesConfigSchema, { SERVICE_NAME: 'references', MONGO_DB: 'vetting_references', PORT: '4103' }, startReferences);
