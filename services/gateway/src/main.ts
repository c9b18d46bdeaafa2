import { runServiceMain } from '@vetting/platform';
import { gatewayConfigSchema } from './config';
import { startGateway } from './start-gateway';

await runServiceMain(gatewayConfigSchema, { SERVICE_NAME: 'gateway', PORT: '8080' }, startGateway);
