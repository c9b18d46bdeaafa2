import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import { SERVICES } from '../../scripts/lib/services.mjs';
import { generatedSecrets, schemas, unsafeSettings } from './deploy-files';

const text = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
type ComposeService = { command?: string[]; ports?: string[]; environment?: Record<string, string | number>; volumes?: string[] };
const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService> };

/** `${NAME:?message}` replaced from the developer's generated .env, as compose does; anything else is left to fail. */
const interpolate = (value: string, env: Record<string, string>) =>
  value.replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => {
    if (env[name] === undefined) throw new Error(`docker-compose.yml needs ${name}, which scripts/generate-secrets.mjs does not write`);
    return env[name]!;
  });

describe('docker-compose.yml carries no secret and refuses to start without one', () => {
  it('when a variable is interpolated, then it is required (`${NAME:?…}`) and never given a default', () => {
    const references = [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(10);
    for (const ref of references) expect(ref, `\${${ref}} has a default or is optional`).toMatch(/^\w+:\?./);
  });

  it('when a setting names a password, secret or token, then its value comes from the environment, never from the file', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(svc.environment ?? {})) {
        if (/PASSWORD|SECRET|TOKEN$/.test(key)) expect(String(value), `${name}.${key}`).toMatch(/^\$\{\w+:\?/);
        if (/_URL$/.test(key) && /@/.test(String(value)))
          expect(String(value), `${name}.${key} carries credentials inline`).toMatch(/\/\/\w*:\$\{\w+:\?[^}]*\}@/);
      }
    }
  });

  it('when composed, then Kafka, MongoDB and Redis are reachable only on the compose network (no published port)', () => {
    for (const name of ['kafka', 'mongo', 'redis']) expect(compose.services[name]?.ports, name).toBeUndefined();
  });

  it('when scripts/generate-secrets.mjs has run, then every variable the file requires is in its .env', async () => {
    const { env } = await generatedSecrets();
    expect(() => interpolate(text, env)).not.toThrow();
  });

  it('when the broker is configured, then clients get SASL/SCRAM over TLS and the authorizer denies what no ACL allows', async () => {
    const { dir } = await generatedSecrets();
    const properties = readFileSync(join(dir, '.secrets', 'kafka', 'server.properties'), 'utf8');
    expect(properties).toContain('process.roles=broker,controller');
    expect(properties).toContain('CLIENT:SASL_SSL');
    expect(properties).toContain('listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512\n');
    expect(properties).toContain('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(properties).toContain('allow.everyone.if.no.acl.found=false');
    expect(properties).not.toMatch(/PLAINTEXT:\/\/|CLIENT:SASL_PLAINTEXT/);
    const formatArgs = readFileSync(join(dir, '.secrets', 'kafka', 'format-args'), 'utf8');
    for (const principal of ['vetting-admin', 'intake', 'screening', 'references', 'clearance', 'audit', 'gateway'])
      expect(formatArgs).toContain(`name=${principal},`);
  });
});

describe('docker-compose.yml and the services’ config schemas', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = (await generatedSecrets()).env;
  });

  for (const service of SERVICES as { name: string; port: number }[]) {
    describe(service.name, () => {
      const entry = compose.services[service.name];

      it('when composed, then it runs the same entry point on the same port as the native start', () => {
        expect(entry, `compose has no ${service.name} service`).toBeDefined();
        expect(entry!.command?.join(' ')).toContain(`services/${service.name}/src/main.ts`);
        const port = service.name === 'gateway' ? 8080 : service.port;
        expect(entry!.ports).toContain(`${port}:${port}`);
        expect(String(entry!.environment?.PORT)).toBe(String(port));
      });

      it('when composed, then every variable it sets is a setting of the service, the config parses, and production mode finds nothing unsafe', () => {
        const composed = Object.fromEntries(Object.entries(entry?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]));
        const known = Object.keys(schemas[service.name]!.shape);
        const unknown = Object.keys(composed).filter((k) => !known.includes(k));
        expect(unknown, `variables not in the ${service.name} config schema`).toEqual([]);
        expect(composed.VETTING_MODE, 'compose runs production mode').toBeUndefined();
        const config = loadConfig(schemas[service.name]!, composed);
        expect(unsafeSettings(service.name, config)).toEqual([]);
        if (service.name !== 'gateway') {
          expect(composed.MONGO_DB).toBe(`vetting_${service.name}`);
          expect(composed.MONGO_URL, 'its own MongoDB user').toMatch(new RegExp(`^mongodb://${service.name}:[^@]+@`));
        }
      });
    });
  }

  it('when the references worker is composed, then it has the service’s settings and nothing unsafe either', () => {
    const composed = Object.fromEntries(
      Object.entries(compose.services['references-worker']!.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]),
    );
    expect(unsafeSettings('references', loadConfig(schemas.references!, composed))).toEqual([]);
  });
});
