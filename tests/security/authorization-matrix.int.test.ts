/**
 * Every endpoint × every role, generated from the OpenAPI documents so a new endpoint cannot escape
 * it: an operation answers 401 without a token, 403 to a role outside its `x-roles`, and never
 * refuses a role inside them for its role (a handler may still refuse for scope, e.g. another country). Runs against the real services (in-process, real infrastructure).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { loadConfig, OpenApiValidator, ROLES, type Role } from '@vetting/platform';
import { createTestPersonKeys, createTestServiceEnv, type TestServiceEnv } from '@vetting/platform/testing';
import { openapiPath } from '@vetting/contracts';
import { startIntake } from '../../services/intake/src/start-intake';
import { intakeConfigSchema } from '../../services/intake/src/config';
import { startScreening } from '../../services/screening/src/start-screening';
import { screeningConfigSchema } from '../../services/screening/src/config';
import { startReferences } from '../../services/references/src/start-references';
import { referencesConfigSchema } from '../../services/references/src/config';
import { startClearance } from '../../services/clearance/src/start-clearance';
import { clearanceConfigSchema } from '../../services/clearance/src/config';
import { startAudit } from '../../services/audit/src/start-audit';
import { auditConfigSchema } from '../../services/audit/src/config';
import { startAccountability } from '../../services/accountability/src/start-accountability';
import { accountabilityConfigSchema } from '../../services/accountability/src/config';

type Started = { app: Express; stop: () => Promise<void> };
const SERVICES: Record<string, (env: TestServiceEnv) => Promise<Started>> = {
  intake: (env) => startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks }),
  screening: async (env) =>
    startScreening(loadConfig(screeningConfigSchema, env.env), {
      jwks: env.issuer.jwks,
      personKeys: (await createTestPersonKeys()).source,
    }),
  references: async (env) =>
    startReferences(loadConfig(referencesConfigSchema, { ...env.env, CALLBACK_SECRETS: `*=${'s'.repeat(43)}` }), {
      jwks: env.issuer.jwks,
      personKeys: (await createTestPersonKeys()).source,
    }),
  clearance: async (env) =>
    startClearance(loadConfig(clearanceConfigSchema, env.env), {
      jwks: env.issuer.jwks,
      personKeys: (await createTestPersonKeys()).source,
    }),
  audit: (env) => startAudit(loadConfig(auditConfigSchema, env.env), { jwks: env.issuer.jwks }),
  accountability: (env) => startAccountability(loadConfig(accountabilityConfigSchema, env.env), { jwks: env.issuer.jwks }),
};
const HUMAN_ROLES = ROLES.filter((r) => r !== 'service') as Role[];

const samplePath = (template: string) => template.replace(/\{[^}]+\}/g, 'abc123');

for (const [service, start] of Object.entries(SERVICES)) {
  describe(`${service}: every operation × every role`, () => {
    const operations = new OpenApiValidator(openapiPath(service)).operations.filter((o) => !o.public);
    let env: TestServiceEnv;
    let started: Started;
    const tokens: Partial<Record<Role, string>> = {};

    beforeAll(async () => {
      env = await createTestServiceEnv(service);
      started = await start(env);
      for (const role of HUMAN_ROLES)
        tokens[role] = await env.issuer.token({ sub: `${role}-1`, roles: [role], ...(role === 'tcc-officer' ? { country: 'GH' } : {}) });
    });
    afterAll(async () => {
      await started?.stop();
      await env?.cleanup();
    });

    it('when the document has operations, then each is checked', () => expect(operations.length).toBeGreaterThan(0));

    for (const op of operations) {
      const call = (token?: string) => {
        const r = request(started.app)[op.method.toLowerCase() as 'get'](samplePath(op.pathTemplate));
        if (token) r.set('authorization', `Bearer ${token}`);
        return op.method === 'GET' ? r : r.send({});
      };
      it(`when ${op.operationId} is called without a token, then 401`, async () => {
        expect((await call()).status).toBe(401);
      });
      for (const role of HUMAN_ROLES) {
        const allowed = op.roles.length === 0 || op.roles.includes(role);
        it(`when ${op.operationId} is called as ${role}, then ${allowed ? 'it is not refused for the role' : '403'}`, async () => {
          const res = await call(tokens[role]);
          if (allowed) {
            expect(res.status).not.toBe(401);
            expect(res.body.code).not.toBe('AUTH.FORBIDDEN_ROLE');
          } else {
            expect(res.status).toBe(403);
            expect(res.body.code).toBe('AUTH.FORBIDDEN_ROLE');
          }
        });
      }
    }
  });
}
