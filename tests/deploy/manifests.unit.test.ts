import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { aclBindings, loadTopics, servicePrincipals } from '@vetting/contracts';
import { loadConfig } from '@vetting/platform';
import { RUNTIME_ENV, generatedSecrets, loadDocs, schemas, selects, unsafeSettings, type Doc } from './deploy-files';

interface Container {
  name: string;
  image?: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface Workload extends Doc {
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: { containers: Container[] } };
  };
}

const all = loadDocs('deploy/k8s');
const docs = all.filter(({ doc }) => doc.kind !== 'Kustomization');
const ofKind = (kind: string) => docs.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc);
const deployments = ofKind('Deployment') as Workload[];
const configMaps = new Map(ofKind('ConfigMap').map((d) => [d.metadata!.name!, (d as Doc & { data: Record<string, string> }).data]));
/** The Secrets the manifests refer to, as scripts/generate-secrets.mjs writes them for a developer's cluster. */
const secrets = new Map<string, Record<string, string>>();
beforeAll(async () => {
  const { dir } = await generatedSecrets();
  for (const d of parseAllDocuments(readFileSync(join(dir, '.secrets', 'k8s', 'secrets.yaml'), 'utf8')).map(
    (x) => x.toJS() as Doc & { stringData: Record<string, string> },
  ))
    secrets.set(d.metadata!.name!, d.stringData);
});
const serviceOf = (c: Container) => /services\/(\w+)\/src\//.exec(c.command?.join(' ') ?? '')?.[1];

/** The environment a container gets: envFrom ConfigMaps, then env (values, ConfigMap keys, example Secret values). */
function envOf(c: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    expect(from.secretRef, 'Secrets are referenced key by key, so the test can check the names').toBeUndefined();
    const data = configMaps.get(from.configMapRef!.name);
    expect(data, `ConfigMap ${from.configMapRef!.name}`).toBeDefined();
    Object.assign(env, data);
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
    if (!ref) env[e.name] = e.value ?? '';
    else {
      const source = e.valueFrom?.secretKeyRef ? secrets.get(ref.name) : configMaps.get(ref.name);
      expect(source?.[ref.key], `${c.name}: ${e.name} refers to ${ref.name}/${ref.key}, which does not exist`).toBeDefined();
      env[e.name] = source![ref.key]!;
    }
  }
  return env;
}

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('when parsed, then every document has an apiVersion, a kind and a name', () => {
    expect(docs.length).toBeGreaterThan(20);
    for (const { file, doc } of docs) {
      expect(doc.apiVersion, file).toBeTruthy();
      expect(doc.kind, file).toBeTruthy();
      expect(doc.metadata?.name, `${file}: a ${doc.kind} without a name`).toBeTruthy();
    }
  });

  it('when the base is applied, then it lists every manifest file', () => {
    const kustomization = all.find(({ doc }) => doc.kind === 'Kustomization')!.doc as Doc & { resources: string[] };
    const files = new Set(docs.map(({ file }) => file.replace('deploy/k8s/base/', '')));
    expect(new Set(kustomization.resources)).toEqual(files);
  });

  it('when the manifests are read, then they carry no Secret and no literal password, secret or token: every one is a reference', () => {
    expect(ofKind('Secret')).toEqual([]);
    for (const d of deployments)
      for (const c of d.spec.template.spec.containers)
        for (const e of c.env ?? [])
          if (/PASSWORD|SECRET|TOKEN$/.test(e.name)) expect(e.valueFrom?.secretKeyRef, `${c.name}: ${e.name}`).toBeDefined();
    for (const [name, data] of configMaps)
      for (const key of Object.keys(data ?? {})) expect(key, `ConfigMap ${name}`).not.toMatch(/PASSWORD|SECRET|TOKEN$/);
  });

  it('when Kafka principals are declared, then each service has a KafkaUser with exactly the ACLs of infra/topics.json and its password from the credentials Secret', () => {
    const spec = loadTopics();
    const users = ofKind('KafkaUser') as (Doc & {
      spec: {
        authentication: { type: string; password: { valueFrom: { secretKeyRef: { name: string; key: string } } } };
        authorization: { acls: { resource: { type: string; name: string; patternType: string }; operations: string[] }[] };
      };
    })[];
    expect(users.map((u) => u.metadata!.name).sort()).toEqual(servicePrincipals(spec));
    for (const u of users) {
      expect(u.spec.authentication.type).toBe('scram-sha-512');
      expect(u.spec.authentication.password.valueFrom.secretKeyRef).toEqual({ name: 'vetting-kafka-credentials', key: u.metadata!.name });
      const declared = u.spec.authorization.acls
        .map((a) => `${a.resource.type}:${a.resource.name}:${a.resource.patternType}:${a.operations.join('+').toLowerCase()}`)
        .sort();
      const wanted = aclBindings(spec)
        .filter((b) => b.principal === u.metadata!.name)
        .map((b) => `${b.resourceType}:${b.name}:${b.pattern === 'literal' ? 'literal' : 'prefix'}:${b.operation}`)
        .sort();
      expect(declared, u.metadata!.name).toEqual(wanted);
    }
  });

  it('when deployed, then every service and the references worker has a Deployment, and each HTTP service a Service', () => {
    const names = deployments.map((d) => d.metadata!.name);
    for (const s of Object.keys(schemas)) {
      expect(names).toContain(s);
      expect(ofKind('Service').map((d) => d.metadata!.name)).toContain(s);
    }
    expect(names).toContain('references-worker');
  });

  for (const d of deployments) {
    describe(`Deployment ${d.metadata!.name}`, () => {
      it('when scheduled, then its selector matches its pod labels', () => {
        expect(selects(d.spec.selector.matchLabels, d.spec.template.metadata.labels)).toBe(true);
      });

      it('when pulled, then each container runs the image built for the service it starts (root Dockerfile, SERVICE=<name>)', () => {
        for (const c of d.spec.template.spec.containers) expect(c.image, c.name).toMatch(new RegExp(`/${serviceOf(c)}:[\\w.-]+$`));
      });

      it('when running, then every container has readiness and liveness probes and bounded resources', () => {
        for (const c of d.spec.template.spec.containers) {
          expect(c.readinessProbe, c.name).toBeDefined();
          expect(c.livenessProbe, c.name).toBeDefined();
          if (c.ports?.length) {
            expect(c.readinessProbe!.httpGet?.path).toBe('/readyz');
            expect(c.livenessProbe!.httpGet?.path).toBe('/healthz');
          }
          for (const r of ['cpu', 'memory']) {
            expect(c.resources?.requests?.[r], `${c.name} requests.${r}`).toBeTruthy();
            expect(c.resources?.limits?.[r], `${c.name} limits.${r}`).toBeTruthy();
          }
        }
      });

      it("when configured, then every variable it sets is a setting of the service's schema and the config parses", () => {
        for (const c of d.spec.template.spec.containers) {
          const service = serviceOf(c)!;
          expect(schemas[service], `${c.name} runs an unknown service`).toBeDefined();
          const env = envOf(c);
          const known = [...Object.keys(schemas[service]!.shape), ...RUNTIME_ENV];
          expect(
            Object.keys(env).filter((k) => !known.includes(k)),
            `not in the ${service} config schema`,
          ).toEqual([]);
          expect(env.SERVICE_NAME).toBe(service);
          const config = loadConfig(schemas[service]!, env);
          expect(env.VETTING_MODE, 'production mode').toBeUndefined();
          expect(unsafeSettings(service, config), `${c.name} would refuse to start`).toEqual([]);
          expect(env.KAFKA_USERNAME ?? env.SERVICE_NAME, 'its own Kafka principal').toBe(service);
          expect(c.env?.find((e) => e.name === 'KAFKA_PASSWORD')?.valueFrom?.secretKeyRef?.key).toBe(service);
          const port = c.ports?.[0]?.containerPort;
          if (port) expect(String(env.PORT)).toBe(String(port));
        }
      });
    });
  }

  it('when a Service routes traffic, then it selects a Deployment whose container exposes the target port', () => {
    for (const svc of ofKind('Service') as (Doc & {
      spec: { selector: Record<string, string>; ports: { targetPort: string | number }[] };
    })[]) {
      const target = deployments.find((d) => selects(svc.spec.selector, d.spec.template.metadata.labels));
      expect(target, `Service ${svc.metadata!.name} selects no Deployment`).toBeDefined();
      const ports = target!.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
      for (const p of svc.spec.ports)
        expect(
          ports.some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort),
          `${svc.metadata!.name} → ${p.targetPort}`,
        ).toBe(true);
    }
  });

  it('when scaling or draining, then HPAs target existing Deployments and PDBs select pods of one', () => {
    const names = deployments.map((d) => d.metadata!.name);
    const hpas = ofKind('HorizontalPodAutoscaler') as (Doc & {
      spec: { scaleTargetRef: { name: string }; minReplicas: number; maxReplicas: number };
    })[];
    for (const s of ['intake', 'screening', 'references', 'clearance', 'gateway'])
      expect(hpas.map((h) => h.spec.scaleTargetRef.name)).toContain(s);
    for (const h of hpas) {
      expect(names).toContain(h.spec.scaleTargetRef.name);
      expect(h.spec.minReplicas).toBeLessThanOrEqual(h.spec.maxReplicas);
    }
    const pdbs = ofKind('PodDisruptionBudget') as (Doc & { spec: { selector: { matchLabels: Record<string, string> } } })[];
    expect(pdbs.length).toBeGreaterThan(0);
    for (const p of pdbs)
      expect(
        deployments.some((d) => selects(p.spec.selector.matchLabels, d.spec.template.metadata.labels)),
        p.metadata!.name,
      ).toBe(true);
  });

  it('when isolated, then a default-deny NetworkPolicy exists and services accept traffic only from the gateway', () => {
    const policies = ofKind('NetworkPolicy') as (Doc & {
      spec: {
        podSelector: object;
        policyTypes: string[];
        ingress?: { from?: { podSelector?: { matchLabels?: Record<string, string> } }[] }[];
      };
    })[];
    const deny = policies.find(
      (p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && p.spec.policyTypes.includes('Ingress'),
    );
    expect(deny).toBeDefined();
    const fromGateway = policies.find((p) => p.metadata!.name === 'services-from-gateway')!;
    expect(
      fromGateway.spec.ingress!.flatMap((r) => r.from ?? []).map((f) => f.podSelector?.matchLabels?.['app.kubernetes.io/name']),
    ).toEqual(['gateway']);
  });
});
