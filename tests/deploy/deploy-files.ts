import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { ZodObject, ZodRawShape } from 'zod';
import { intakeConfigSchema } from '../../services/intake/src/config';
import { screeningConfigSchema } from '../../services/screening/src/config';
import { referencesConfigSchema } from '../../services/references/src/config';
import { clearanceConfigSchema } from '../../services/clearance/src/config';
import { auditConfigSchema } from '../../services/audit/src/config';
import { accountabilityConfigSchema } from '../../services/accountability/src/config';
import { gatewayConfigSchema } from '../../services/gateway/src/config';

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
