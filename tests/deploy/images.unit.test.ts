import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDocs, repoRoot, schemas } from './deploy-files';

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test?: string[] };
  profiles?: string[];
}
const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const built = Object.entries(compose.services).filter(([, svc]) => svc.build) as [
  string,
  ComposeService & { build: { context?: string; dockerfile?: string; args?: Record<string, string> } },
][];

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructions(path: string): string[] {
  return readFileSync(path, 'utf8')
    .replace(/\\\n(\s*#.*\n)*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
const dockerfile = join(repoRoot, 'Dockerfile');
const lines = instructions(dockerfile);
/** `${NAME}` replaced by the build arguments (SERVICE_DIR defaults to services/<SERVICE>, as in the Dockerfile). */
const expand = (text: string, args: Record<string, string>) =>
  text.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? (name === 'SERVICE_DIR' ? `services/${args.SERVICE}` : `<${name}?>`));

describe('the one parameterised Dockerfile', () => {
  it("when built, then it is multi-stage, installs only the chosen workspace's production dependencies and runs as a non-root user", () => {
    expect(lines.filter((l) => /^FROM /i.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(lines).toContain('ARG SERVICE=intake');
    expect(lines.some((l) => l.includes('npm ci --omit=dev --workspace ${SERVICE_DIR}'))).toBe(true);
    const users = lines.filter((l) => /^USER /i.test(l));
    expect(users.at(-1)).toMatch(/^USER\s+node$/);
    expect(lines.some((l) => l.startsWith('CMD') && l.includes('$SERVICE_DIR/src/main.ts'))).toBe(true);
  });

  it('when a service had its own Dockerfile, then it is gone: one recipe for all', () => {
    for (const service of Object.keys(schemas)) expect(existsSync(join(repoRoot, 'services', service, 'Dockerfile')), service).toBe(false);
  });

  for (const [name, svc] of built) {
    const args = svc.build.args ?? {};
    it(`when compose builds ${name}, then it uses the one Dockerfile and every file it copies for that service exists`, () => {
      expect(svc.build.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(args.SERVICE, `${name}: build argument SERVICE`).toBeTruthy();
      if (name in schemas || name === 'references-worker') expect(args.SERVICE).toBe(name.replace('-worker', ''));
      if (svc.environment?.PORT !== undefined) expect(String(args.PORT)).toBe(String(svc.environment.PORT));
      for (const line of lines.filter((l) => /^COPY /i.test(l) && !l.includes('--from='))) {
        const sources = line
          .split(/\s+/)
          .slice(1)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1);
        for (const src of sources) expect(existsSync(join(repoRoot, expand(src, args))), `${name}: COPY ${expand(src, args)}`).toBe(true);
      }
      const entry = svc.command?.join(' ') ?? `${expand('${SERVICE_DIR}', args)}/src/main.ts`;
      const script = /(\S+\.(ts|mjs))/.exec(entry)?.[1];
      expect(script && existsSync(join(repoRoot, script)), `${name} runs ${script}`).toBe(true);
    });
  }

  it('when the gateway is built, then the console is built into it and no other image carries the console build', () => {
    for (const [name, svc] of built) expect(svc.build.args?.CONSOLE === 'gateway', name).toBe(name === 'gateway');
    expect(lines).toContain('FROM console-${CONSOLE} AS console');
  });
});

describe('docker-compose.yml health', () => {
  it('when composed, then the references worker runs and every long-running service has a health check', () => {
    expect(compose.services['references-worker']?.command?.join(' ')).toContain('services/references/src/worker/main.ts');
    for (const [name, svc] of Object.entries(compose.services)) {
      if (name === 'kafka-init') continue;
      expect(svc.healthcheck?.test?.length, `${name} has no health check`).toBeGreaterThan(0);
    }
  });

  it('when composed, then MongoDB 7 runs as a replica set with authentication, Kafka 3.9 from its generated configuration, Redis 7 with AOF and noeviction, each on a volume', () => {
    const { mongo, kafka, redis } = compose.services as Record<string, ComposeService & { volumes?: string[]; entrypoint?: string[] }>;
    expect(mongo!.image).toMatch(/^mongo:7/);
    expect(mongo!.command).toContain('--replSet');
    expect(mongo!.command).toContain('--keyFile');
    expect(kafka!.image).toMatch(/kafka:3\.9/);
    expect(kafka!.entrypoint?.join(' ')).toContain('kafka-start.sh');
    expect(existsSync(join(repoRoot, 'deploy/compose/kafka-start.sh'))).toBe(true);
    expect(redis!.image).toMatch(/^redis:7/);
    expect(redis!.command?.join(' ')).toMatch(/--appendonly yes.*--maxmemory-policy noeviction/);
    for (const svc of [mongo, kafka, redis]) expect(svc!.volumes?.length).toBeGreaterThan(0);
  });
});

describe('Prometheus alert rules (deploy/prometheus)', () => {
  it('when loaded, then every rule has a name, an expression, a severity and a summary', () => {
    const groups = loadDocs('deploy/prometheus').flatMap(
      ({ doc }) => (doc as unknown as { groups: { name: string; rules: Record<string, unknown>[] }[] }).groups,
    );
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
