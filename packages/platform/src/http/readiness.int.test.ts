import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { createMetrics } from '../metrics/metrics';
import { createHttpApp } from './create-http-app';
import { OpenApiValidator } from './openapi-validator';
import { createReachabilityProbe } from './reachability';

const spec = fileURLToPath(new URL('../testing/test-api.yaml', import.meta.url));

describe('/readyz with external systems (real HTTP servers)', () => {
  let authority: Server;
  let authorityUrl: string;

  beforeAll(async () => {
    // An authority that answers 404 to HEAD /: reachable, whatever it thinks of the path.
    authority = createServer((_req, res) => void res.writeHead(404).end());
    await new Promise<void>((resolve) => authority.listen(0, '127.0.0.1', resolve));
    authorityUrl = `http://127.0.0.1:${(authority.address() as { port: number }).port}/records`;
  });
  afterAll(() => new Promise<void>((resolve) => authority.close(() => resolve())));

  const app = (externals: Record<string, () => Promise<unknown>>, readiness: Record<string, () => Promise<unknown>> = {}) =>
    createHttpApp({
      service: 'test',
      logger: createLogger('test', 'silent'),
      metrics: createMetrics('test'),
      validator: new OpenApiValidator(spec),
      routes: () => undefined,
      readiness,
      externals,
    });

  it('when an external system is on a port fetch refuses, then /readyz stays 200 but says degraded and names the reason', async () => {
    const served = app({
      records: createReachabilityProbe(authorityUrl),
      employers: createReachabilityProbe('http://127.0.0.1:4190/hr'),
    });
    const res = await request(served).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.externals.records).toBe('ok');
    expect(res.body.externals.employers).toMatch(/cannot reach 127\.0\.0\.1:4190: fetch failed: .*bad port/);
    const metrics = (await request(served).get('/metrics')).text;
    expect(metrics).toMatch(/external_system_reachable\{system="records",service="test"\} 1/);
    expect(metrics).toMatch(/external_system_reachable\{system="employers",service="test"\} 0/);
  });

  it('when every external system answers, then ready; when an own dependency fails, then 503 whatever the externals say', async () => {
    expect((await request(app({ records: createReachabilityProbe(authorityUrl) })).get('/readyz')).body.status).toBe('ready');
    const down = await request(
      app({ records: createReachabilityProbe(authorityUrl) }, { database: () => Promise.reject(new Error('no database')) }),
    ).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'not-ready',
      checks: { database: 'no database' },
      externals: { records: 'ok' },
    });
  });

  it('when a probe answered recently, then it is not asked again within its cache time', async () => {
    let calls = 0;
    const counting = createServer((_req, res) => void (calls++, res.writeHead(200).end()));
    await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
    const probe = createReachabilityProbe(`http://127.0.0.1:${(counting.address() as { port: number }).port}/`, { cacheMs: 60_000 });
    await probe();
    await probe();
    expect(calls).toBe(1);
    await new Promise<void>((resolve) => counting.close(() => resolve()));
  });
});
