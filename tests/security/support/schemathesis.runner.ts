import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenApiValidator, type Role } from '@vetting/platform';
import { openapiPath } from '@vetting/contracts';

/**
 * The checks every service must pass: no 5xx; every response conforming to its documented schema;
 * input that breaks the contract rejected with a 4xx (unknown fields, wrong types, bad headers);
 * no protected operation answering without valid credentials.
 */
export const CHECKS = ['not_a_server_error', 'response_schema_conformance', 'negative_data_rejection', 'ignored_auth'] as const;

export interface SchemathesisRun {
  service: string;
  exitCode: number;
  /** Test cases generated and sent, over every operation. */
  cases: number;
  /** Operations tested (of those in the document). */
  operations: number;
  /** Failures, one line each: operation, check, message. */
  failures: string[];
  /** Responses by status code, to see the cases reached handlers and not just the authentication layer. */
  statuses: Record<string, number>;
  /** Operations whose every response was a 401/403: their cases never reached a handler. */
  neverAuthorised: string[];
  seconds: number;
  output: string;
}

/**
 * The role each operation is called with: the first role its `x-roles` allows (any signed-in user:
 * admin), so generated cases pass authentication and authorisation and exercise the handlers.
 */
export function roleFor(roles: string[]): Role {
  return (roles[0] ?? 'admin') as Role;
}

/**
 * Operations where a check cannot judge, each with the reason. negative_data_rejection treats a
 * file upload's text body as a typed value: `{}` sent as text/csv is "the wrong type" to it, but to
 * the API it is a CSV file with no rows, which the upload job records as rejected (200, state
 * `rejected`, the reason named).
 */
const CHECK_EXCEPTIONS: Record<string, (typeof CHECKS)[number][]> = {
  uploadContingent: ['negative_data_rejection'],
};

const tomlString = (s: string) => JSON.stringify(s);

/**
 * A schemathesis.toml giving each protected operation a bearer token of a role it allows. Public
 * operations (referee links, sign-in, JWKS) are called without one.
 */
export function configFor(service: string, tokens: Record<Role, string>, options: { maxExamples: number; seed: number }): string {
  const ops = new OpenApiValidator(openapiPath(service)).operations;
  const lines = [
    `seed = ${options.seed}`,
    'suppress-health-check = ["too_slow", "filter_too_much", "data_too_large", "large_base_example"]',
    'request-timeout = 30',
    '[generation]',
    `max-examples = ${options.maxExamples}`,
    'database = "none"',
    '[checks]',
    'enabled = false',
    ...CHECKS.flatMap((c) => [`[checks.${c}]`, 'enabled = true']),
  ];
  for (const op of ops.filter((o) => !o.public)) {
    lines.push(
      '[[operations]]',
      `include-operation-id = ${tomlString(op.operationId)}`,
      `headers = { Authorization = ${tomlString(`Bearer ${tokens[roleFor(op.roles)]}`)} }`,
    );
    const off = CHECK_EXCEPTIONS[op.operationId] ?? [];
    if (off.length) lines.push(`checks = { ${off.map((c) => `${c} = { enabled = false }`).join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}

interface NdjsonEvent {
  [kind: string]: unknown;
}

/** Reads the cases, statuses and failures out of schemathesis' ndjson event stream. */
export function summarise(ndjson: string): Pick<SchemathesisRun, 'cases' | 'operations' | 'failures' | 'statuses' | 'neverAuthorised'> {
  const statuses: Record<string, number> = {};
  const perOperation = new Map<string, { total: number; auth: number }>();
  const failures: string[] = [];
  let cases = 0;
  const walk = (node: unknown, label: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const response = n.response as { status_code?: number } | undefined;
    if (n.request && response && typeof response.status_code === 'number') {
      cases++;
      const code = String(response.status_code);
      statuses[code] = (statuses[code] ?? 0) + 1;
      const op = perOperation.get(label) ?? { total: 0, auth: 0 };
      op.total++;
      if (code === '401' || code === '403') op.auth++;
      perOperation.set(label, op);
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach((v) => walk(v, label));
      else if (value && typeof value === 'object') walk(value, label);
    }
  };
  for (const line of ndjson.split('\n').filter(Boolean)) {
    const event = JSON.parse(line) as NdjsonEvent;
    const scenario = event.ScenarioFinished as
      { label?: string; recorder?: { label?: string; interactions?: unknown; checks?: unknown } } | undefined;
    if (!scenario) continue;
    const label = scenario.label ?? scenario.recorder?.label ?? 'unknown';
    walk(scenario.recorder?.interactions, label);
    collectFailures(scenario.recorder?.checks, label, failures);
  }
  const neverAuthorised = [...perOperation].filter(([, v]) => v.total > 0 && v.auth === v.total).map(([k]) => k);
  return { cases, operations: perOperation.size, failures: [...new Set(failures)], statuses, neverAuthorised };
}

function collectFailures(checks: unknown, label: string, out: string[]): void {
  if (!checks || typeof checks !== 'object') return;
  for (const list of Object.values(checks as Record<string, unknown>)) {
    for (const check of Array.isArray(list) ? list : []) {
      const c = check as { name?: string; status?: string; failure_info?: { failure?: { title?: string; message?: string } } };
      if (c.status === 'FAILURE' || c.status === 'failure')
        out.push(
          `${label}: ${c.name}: ${c.failure_info?.failure?.title ?? ''} ${(c.failure_info?.failure?.message ?? '').split('\n')[0]}`.trim(),
        );
    }
  }
}

/** Runs schemathesis against one running service; never throws for failures (the caller asserts). */
export async function runSchemathesis(
  binary: string,
  service: string,
  url: string,
  tokens: Record<Role, string>,
  workDir: string,
  options = { maxExamples: 15, seed: 20261127 },
): Promise<SchemathesisRun> {
  const dir = join(workDir, service);
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'schemathesis.toml');
  writeFileSync(configFile, configFor(service, tokens, options));
  const ndjsonPath = join(dir, 'events.ndjson');
  // One worker: with several threads, hypothesis on Python 3.11 sometimes dies in ast.parse
  // ("AST constructor recursion depth mismatch"), which reads as a failed run though no API failed.
  const args = [
    '--config-file',
    configFile,
    '--no-color',
    'run',
    openapiPath(service),
    '--url',
    url,
    '--workers',
    '1',
    '--report',
    'ndjson',
    '--report-ndjson-path',
    ndjsonPath,
    '--output-truncate',
    'true',
  ];
  const started = Date.now();
  let output = '';
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' } });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
  let summary: ReturnType<typeof summarise>;
  try {
    summary = summarise(readFileSync(ndjsonPath, 'utf8'));
  } catch {
    summary = { cases: 0, operations: 0, failures: [], statuses: {}, neverAuthorised: [] };
  }
  return { service, exitCode, ...summary, seconds: Math.round((Date.now() - started) / 100) / 10, output };
}
