import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { ZodObject, ZodRawShape } from 'zod';
import { kafkaUnsafeSettings, type BaseConfig, type UnsafeSetting } from '@vetting/platform';
import { intakeConfigSchema, intakeUnsafeSettings, type IntakeConfig } from '../../services/intake/src/config';
import { screeningConfigSchema, screeningUnsafeSettings, type ScreeningConfig } from '../../services/screening/src/config';
import { referencesConfigSchema, referencesUnsafeSettings, type ReferencesConfig } from '../../services/references/src/config';
import { clearanceConfigSchema, clearanceUnsafeSettings, type ClearanceConfig } from '../../services/clearance/src/config';
import { auditConfigSchema } from '../../services/audit/src/config';
import { accountabilityConfigSchema } from '../../services/accountability/src/config';
import { gatewayConfigSchema, gatewayUnsafeSettings, type GatewayConfig } from '../../services/gateway/src/config';
import { generateSecrets } from '../../scripts/lib/secrets.mjs';

/** Helpers shared by the deployment-file tests: the repository root, YAML loading, the config schemas. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const schemas: Record<string, ZodObject<ZodRawShape>> = {
  intake: intakeConfigSchema,
  screening: screeningConfigSchema,
  references: referencesConfigSchema,
  clearance: clearanceConfigSchema,
  audit: auditConfigSchema,
  accountability: accountabilityConfigSchema,
  gateway: gatewayConfigSchema as unknown as ZodObject<ZodRawShape>,
};

/**
 * What each service would refuse to start with in production (the default mode): deployment files must
 * leave nothing on this list. `worker`: the references worker (no Kafka client of its own).
 */
export function unsafeSettings(service: string, config: unknown, worker = false): UnsafeSetting[] {
  if (service === 'intake') return intakeUnsafeSettings(config as IntakeConfig);
  if (service === 'screening') return screeningUnsafeSettings(config as ScreeningConfig);
  if (service === 'references') return referencesUnsafeSettings(config as ReferencesConfig, { kafka: !worker });
  if (service === 'gateway') return gatewayUnsafeSettings(config as GatewayConfig);
  if (service === 'clearance') return clearanceUnsafeSettings(config as ClearanceConfig);
  return kafkaUnsafeSettings(config as BaseConfig);
}

let generated: Promise<{ dir: string; env: Record<string, string> }> | undefined;
/** A developer's set from scripts/generate-secrets.mjs, generated once per test file into a temp dir. */
export function generatedSecrets(): Promise<{ dir: string; env: Record<string, string> }> {
  generated ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vetting-secrets-'));
    await generateSecrets(dir);
    const env = Object.fromEntries(
      readFileSync(join(dir, '.env'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('=') && !l.startsWith('#'))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { dir, env };
  })();
  return generated;
}

/** Node's own settings a container may set besides the service's schema (heap size for the limit). */
export const RUNTIME_ENV = ['NODE_OPTIONS'];

export interface Doc {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}
export interface LoadedDoc {
  file: string;
  doc: Doc;
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every document of every YAML file under a directory; a syntax error fails with the file named. */
export function loadDocs(dir: string): LoadedDoc[] {
  return yamlFiles(join(repoRoot, dir)).flatMap((path) => {
    const file = relative(repoRoot, path);
    return parseAllDocuments(readFileSync(path, 'utf8')).flatMap((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
      const doc = d.toJS() as Doc | null;
      return doc ? [{ file, doc }] : [];
    });
  });
}

/** True when every label of the selector is on the labelled object. */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}
