import { createLogger, loadConfig, runService } from '@vetting/platform';
import { gatewayConfigSchema } from './config';
import { startGateway } from './start-gateway';

const config = loadConfig(gatewayConfigSchema, { SERVICE_NAME: 'gateway', PORT: '8080', ...process.env });
await runService(createLogger('gateway', config.LOG_LEVEL), async () => (await startGateway(config)).stops);
