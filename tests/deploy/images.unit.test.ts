import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDocs, repoRoot, schemas } from './deploy-files';

interface ComposeService {
  build?: string | { context?: string; dockerfile?: string };
  command?: string[];
  healthcheck?: { test?: string[] };
  profiles?: string[];
}
const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructions(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/\\\n(\s*#.*\n)*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('per-service Dockerfiles', () => {
  for (const service of Object.keys(schemas)) {
    const path = join(repoRoot, 'services', service, 'Dockerfile');

    it(`when ${service} is built, then its Dockerfile is multi-stage, runs as a non-root user and installs only its production dependencies`, () => {
      expect(existsSync(path), path).toBe(true);
      const lines = instructions(path);
      expect(lines.filter((l) => /^FROM /i.test(l)).length).toBeGreaterThanOrEqual(2);
      const users = lines.filter((l) => /^USER /i.test(l));
      expect(users.length).toBeGreaterThan(0);
      expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
      expect(lines.some((l) => l.includes(`npm ci --omit=dev --workspace @vetting/${service}`))).toBe(true);
      expect(lines.some((l) => l.startsWith('CMD') && l.includes(`services/${service}/src/main.ts`))).toBe(true);
    });

    it(`when ${service} is built, then every file it copies from the repository exists`, () => {
      for (const line of instructions(path).filter((l) => /^COPY /i.test(l) && !l.includes('--from='))) {
        const args = line.split(/\s+/).slice(1).filter((a) => !a.startsWith('--'));
        for (const src of args.slice(0, -1)) expect(existsSync(join(repoRoot, src)), `${service}: COPY ${src}`).toBe(true);
      }
    });
  }
});

describe('docker-compose.yml builds and health', () => {
  it('when composed, then every build entry points at an existing Dockerfile and services use their own', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      if (!svc.build) continue;
      const build = typeof svc.build === 'string' ? { context: svc.build } : svc.build;
      const file = join(repoRoot, build.context ?? '.', build.dockerfile ?? 'Dockerfile');
      expect(existsSync(file), `${name}: ${file}`).toBe(true);
      if (name in schemas) expect(build.dockerfile).toBe(`services/${name}/Dockerfile`);
    }
  });

  it('when composed, then the references worker runs and every long-running service has a health check', () => {
    expect(compose.services['references-worker']?.command?.join(' ')).toContain('services/references/src/worker/main.ts');
    for (const [name, svc] of Object.entries(compose.services)) {
      if (name === 'kafka-init') continue;
      expect(svc.healthcheck?.test?.length, `${name} has no health check`).toBeGreaterThan(0);
    }
  });
});

describe('Prometheus alert rules (deploy/prometheus)', () => {
  it('when loaded, then every rule has a name, an expression, a severity and a summary', () => {
    const groups = loadDocs('deploy/prometheus').flatMap(({ doc }) => (doc as unknown as { groups: { name: string; rules: Record<string, unknown>[] }[] }).groups);
    const rules = groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const r of rules) {
      expect(r.alert, JSON.stringify(r)).toBeTruthy();
      expect(typeof r.expr).toBe('string');
      expect((r.labels as Record<string, string>)?.severity, String(r.alert)).toMatch(/^(critical|warning|info)$/);
      expect((r.annotations as Record<string, string>)?.summary, String(r.alert)).toBeTruthy();
    }
    const names = rules.map((r) => String(r.alert)).join(' ');
    for (const topic of ['ConsumerLag', 'Dlq', 'FailedJobs', 'AuditChain', 'NotReady']) expect(names).toContain(topic);
  });
});
