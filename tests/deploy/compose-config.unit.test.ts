import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import { SERVICES } from '../../scripts/lib/services.mjs';
import { schemas } from './deploy-files';

const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; ports?: string[]; environment?: Record<string, string | number> }>;
};

describe('docker-compose.yml and the services’ config schemas', () => {
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

      it('when composed, then every variable it sets is a setting of the service and the config parses', () => {
        // `${NAME:?…}` is a secret compose refuses to start without: parse as if the operator gave one.
        const given = (v: string) => v.replace(/\$\{(\w+):\?[^}]*\}/g, (_m, name: string) => (name === 'CALLBACK_SECRETS' ? `UN=${'s'.repeat(43)}` : 'x'.repeat(43)));
        const env = Object.fromEntries(Object.entries(entry?.environment ?? {}).map(([k, v]) => [k, given(String(v))]));
        const known = Object.keys(schemas[service.name]!.shape);
        const unknown = Object.keys(env).filter((k) => !known.includes(k));
        expect(unknown, `variables not in the ${service.name} config schema`).toEqual([]);
        expect(() => loadConfig(schemas[service.name]!, env)).not.toThrow();
        if (service.name !== 'gateway') expect(env.MONGO_DB).toBe(`vetting_${service.name}`);
      });
    });
  }
});
