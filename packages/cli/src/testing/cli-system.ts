import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadConfig, type Stop } from '@vetting/platform';
import { createTestServiceEnv, type TestServiceEnv } from '@vetting/platform/testing';
import { startGateway } from '@vetting/gateway';
import { startIntake } from '@vetting/intake';
import { startScreening } from '@vetting/screening';
import { startAccountability } from '../../../../services/accountability/src/start-accountability';
import { accountabilityConfigSchema } from '../../../../services/accountability/src/config';
import { startAudit } from '../../../../services/audit/src/start-audit';
import { auditConfigSchema } from '../../../../services/audit/src/config';
import { gatewayConfigSchema } from '../../../../services/gateway/src/config';
import { currentCode } from '../../../../services/gateway/src/domain/second-factor';
import { intakeConfigSchema } from '../../../../services/intake/src/config';
import { screeningConfigSchema } from '../../../../services/screening/src/config';

export interface CliSystem {
  env: TestServiceEnv;
  /** The gateway, as `--server`/`VETTING_URL`. */
  server: string;
  /** The platform signing key the services sign certificates and bundles with (tests sign with it too). */
  signingKeyDir: string;
  /** The gateway's demo accounts (for `vetting login`). */
  password(username: string): string;
  /** The current code of a demo account's authenticator (admin and UN roles). */
  code(username: string): Promise<string>;
  /** The environment of a terminal signed in with a token of the test issuer (which the services accept). */
  as(sub: string, roles: string[], country?: string): Promise<NodeJS.ProcessEnv>;
  stop(): Promise<void>;
}

/**
 * The services the CLI talks to, in this process, on the real Kafka, FerretDB and Redis, behind the
 * real gateway exactly as a user's terminal reaches them. `audit: true` adds the audit service,
 * `accountability: true` the accountability service.
 */
export async function startCliSystem(options: { audit?: boolean; accountability?: boolean } = {}): Promise<CliSystem> {
  const env = await createTestServiceEnv('cli');
  const stops: Stop[] = [];
  const signingKeyDir = mkdtempSync(`${tmpdir()}/cli-signing-`);
  const service = (name: string, extra: Record<string, string> = {}) => ({
    ...env.env,
    SERVICE_NAME: name,
    MONGO_DB: `${env.env.MONGO_DB}_${name}`,
    PLATFORM_SIGNING_KEY_DIR: signingKeyDir,
    ...extra,
  });
  const intake = await startIntake(loadConfig(intakeConfigSchema, service('intake')), { jwks: env.issuer.jwks });
  stops.push(intake.stop);
  const screening = await startScreening(
    loadConfig(screeningConfigSchema, service('screening', { CHECK_RATE_KEY_PREFIX: `${env.prefix}checks:` })),
    { jwks: env.issuer.jwks, personKeys: intake.personKeys },
  );
  stops.push(screening.stop);
  const urls: Record<string, string> = {
    INTAKE_URL: `http://127.0.0.1:${intake.port}`,
    SCREENING_URL: `http://127.0.0.1:${screening.port}`,
  };
  if (options.audit) {
    const checkpoints = mkdtempSync(`${tmpdir()}/cli-audit-`);
    const audit = await startAudit(loadConfig(auditConfigSchema, service('audit', { AUDIT_CHECKPOINT_DIR: checkpoints })), {
      jwks: env.issuer.jwks,
    });
    stops.push(audit.stop);
    urls.AUDIT_URL = `http://127.0.0.1:${audit.port}`;
  }
  if (options.accountability) {
    const accountability = await startAccountability(loadConfig(accountabilityConfigSchema, service('accountability')), {
      jwks: env.issuer.jwks,
    });
    stops.push(accountability.stop);
    urls.ACCOUNTABILITY_URL = `http://127.0.0.1:${accountability.port}`;
  }
  const keysDir = mkdtempSync(`${tmpdir()}/cli-keys-`);
  const gateway = await startGateway(
    loadConfig(gatewayConfigSchema, {
      ...env.env,
      SERVICE_NAME: 'gateway',
      PORT: '0',
      KEYS_DIR: keysDir,
      SIGNIN_RATE_KEY_PREFIX: `${env.prefix}signin:`,
      ...urls,
    }),
  );
  stops.push(gateway.stop);
  const server = `http://127.0.0.1:${gateway.port}`;
  const credentials = JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as {
    username: string;
    password: string;
    totpSecret?: string;
  }[];
  return {
    env,
    server,
    signingKeyDir,
    password: (username) => credentials.find((c) => c.username === username)!.password,
    code: (username) => currentCode(credentials.find((c) => c.username === username)!.totpSecret!),
    as: async (sub, roles, country) => ({
      VETTING_TOKEN: await env.issuer.token({ sub, roles: roles as never, ...(country ? { country } : {}) }),
      VETTING_URL: server,
      XDG_CONFIG_HOME: mkdtempSync(`${tmpdir()}/cli-`),
    }),
    async stop() {
      for (const stop of stops.reverse()) await stop();
      await env.cleanup();
    },
  };
}
