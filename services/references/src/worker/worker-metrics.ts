import { createServer } from 'node:http';
import type { Metrics, Stop } from '@vetting/platform';

/**
 * The worker has no HTTP API; with WORKER_METRICS_PORT it serves its Prometheus metrics (database
 * commands, events published by its relay, process figures) so operators and the pipeline benchmark
 * see what its checks cost. Only `GET /metrics`.
 */
export async function serveWorkerMetrics(metrics: Metrics, port: number, host: string): Promise<{ port: number; stop: Stop }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as { port: number }).port;
  return { port: bound, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
