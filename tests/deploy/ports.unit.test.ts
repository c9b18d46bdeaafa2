import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FETCH_BAD_PORTS } from '@vetting/platform';
import { PROCESSES, SERVICES } from '../../scripts/lib/services.mjs';
import { PORTS } from '../../infra/lib/config.mjs';
import { loadDocs, repoRoot, schemas } from './deploy-files';

interface Found {
  where: string;
  port: number;
}

/** Every port number in URLs (`host:port`) and `port`/`PORT` settings of a text. */
function portsInText(where: string, text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(/(?:\/\/[\w.-]+|127\.0\.0\.1|localhost):(\d{1,5})\b/g)) found.push({ where, port: Number(m[1]) });
  for (const m of text.matchAll(/\b(?:[A-Z_]*PORT|containerPort|port|targetPort)["']?\s*[:=]\s*["']?(\d{1,5})\b/g))
    found.push({ where, port: Number(m[1]) });
  for (const m of text.matchAll(/["'](\d{2,5}):(\d{2,5})["']/g)) found.push({ where, port: Number(m[1]) }, { where, port: Number(m[2]) });
  return found;
}

function defaultsOf(name: string): Found[] {
  const shape = schemas[name]!.shape as Record<string, z.ZodType>;
  return Object.entries(shape).flatMap(([key, field]) => {
    const parsed = field.safeParse(undefined);
    return parsed.success && typeof parsed.data === 'string' ? portsInText(`${name} config ${key} default`, `${key}=${parsed.data}`) : [];
  });
}

describe('configured ports', () => {
  const configured: Found[] = [
    ...[...SERVICES, ...PROCESSES].filter((s) => s.port).map((s) => ({ where: `npm start: ${s.name}`, port: s.port as number })),
    ...PROCESSES.flatMap((p) => Object.entries(p.env ?? {}).flatMap(([k, v]) => portsInText(`npm start: ${p.name} ${k}`, `${k}=${v}`))),
    ...Object.entries(PORTS).map(([name, port]) => ({
      where: `infra default: ${name}`,
      port: port as number,
    })),
    ...Object.keys(schemas).flatMap(defaultsOf),
    ...portsInText('docker-compose.yml', readFileSync(`${repoRoot}docker-compose.yml`, 'utf8')),
    // Network policies also open non-HTTP egress (DNS on 53): only what listens is checked.
    ...loadDocs('deploy/k8s')
      .filter(({ doc }) => doc.kind !== 'NetworkPolicy')
      .flatMap(({ file, doc }) => portsInText(file, JSON.stringify(doc))),
    ...portsInText('simulators default', readFileSync(`${repoRoot}tests/simulators/src/main.ts`, 'utf8')),
  ];

  it('when the platform is started by npm start, compose or Kubernetes, then no HTTP port is one that fetch refuses', () => {
    expect(configured.length).toBeGreaterThan(20);
    expect(configured.filter((f) => FETCH_BAD_PORTS.has(f.port))).toEqual([]);
  });

  it("when a port fetch refuses is configured, then this check finds it (4190, the simulators' old port)", () => {
    const planted = portsInText('sample', 'NATIONAL_RECORDS_URL=http://simulators:4190/national-records\nSIM_PORT: "4190"');
    expect(planted.filter((f) => FETCH_BAD_PORTS.has(f.port)).map((f) => f.port)).toEqual([4190, 4190]);
  });
});
