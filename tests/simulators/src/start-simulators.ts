import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decideOutcome, latencyOf, type FailureRates, type Outcome } from './behaviour';
import { secretFor } from '@vetting/platform/signed-request';
import { deliver, signerFor } from './deliver';
import { seededRandom, within, type Range } from './random';

export interface SimulatorOptions {
  /** Seed of the fault sequence. Default 1. */
  seed?: number;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Response latency. Default 100 ms – 2 s. Real authorities take minutes: raise `maxMs`. */
  latency?: Range;
  /** Delay before a late answer (callback or referee reply). Default 1 s – 60 s. */
  callbackLatency?: Range;
  /** Fault probabilities per request. Default none. */
  failureRates?: FailureRates;
  /** Share of record checks answered later by callback. Default 0.3. */
  asyncRate?: number;
  /** Retry-After of a 429, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** How long a "timeout" holds the request before dropping the socket. Default 120 s. */
  hangMs?: number;
  /**
   * Each authority's own secret, by organisation as the references service names it (`UN`,
   * `<country>-records`, `<country>-service`; `*` for every other), shared with that service.
   */
  callbackSecrets: Record<string, string>;
  /** Share of disclosure requests a prior employer answers through the reply link. Default 1. */
  refereeAnswerRate?: number;
  /** Latency for people whose name contains SLOW. Default 5 s. */
  slowMs?: number;
}

export interface Simulators {
  url: string;
  port: number;
  stats: Record<string, number>;
  /** Forces the next outcomes for one check id (tests): e.g. `['server-error', 'rate-limited', 'ok']`. */
  script(checkId: string, outcomes: Outcome[]): void;
  stop(): Promise<void>;
}

interface CheckRequest {
  checkId?: unknown;
  country?: unknown;
  callbackUrl?: unknown;
  replyUrl?: unknown;
  person?: { names?: { full?: unknown }[] };
  candidateName?: unknown;
}

/** The organisation an authority's endpoint stands for, as the references service names it. */
function organisationOf(path: string, country: unknown): string {
  if (path.startsWith('/un-records/')) return 'UN';
  return `${String(country)}-${path.endsWith('/disciplinary-record') ? 'service' : 'records'}`;
}

const AUTHORITIES = new Set([
  '/national-records/criminal-record',
  '/national-records/disciplinary-record',
  '/un-records/checks',
  '/hr/disclosure-requests',
]);

/** Starts the simulated national records office, UN records and prior-employer HR on one HTTP server. */
export async function startSimulators(options: SimulatorOptions): Promise<Simulators> {
  const random = seededRandom(options.seed ?? 1);
  const behaviour = {
    failureRates: { serverError: 0, rateLimited: 0, timeout: 0, malformed: 0, ...options.failureRates },
    asyncRate: options.asyncRate ?? 0.3,
    latency: options.latency ?? { minMs: 100, maxMs: 2000 },
  };
  const callbackLatency = options.callbackLatency ?? { minMs: 1000, maxMs: 60_000 };
  const scripts = new Map<string, Outcome[]>();
  const stats: Record<string, number> = {};
  const count = (key: string) => void (stats[key] = (stats[key] ?? 0) + 1);
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => (timers.delete(t), fn()), ms);
    timers.add(t);
  };

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, { status: 'ok', stats });
    if (req.method !== 'POST' || !AUTHORITIES.has(path)) return send(res, 404, { error: 'not found' });
    let body: CheckRequest;
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CheckRequest;
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    const checkId = typeof body.checkId === 'string' ? body.checkId : undefined;
    const replyTo = path === '/hr/disclosure-requests' ? body.replyUrl : body.callbackUrl;
    const name = String(body.person?.names?.[0]?.full ?? body.candidateName ?? '');
    if (!checkId || typeof replyTo !== 'string' || !name)
      return send(res, 400, { error: 'checkId, a reply/callback URL and a name are required' });
    const scripted = scripts.get(checkId)?.shift();
    const outcome = decideOutcome(random, behaviour, scripted, /INVALID/i.test(name));
    count(`${path} ${outcome}`);
    count(outcome);
    count(`check ${checkId}`);
    // A name with SLOW keeps the request open for `slowMs` (a worker can be killed mid-call).
    const latency = /SLOW/.test(name) ? (options.slowMs ?? 5000) : latencyOf(random, behaviour);
    await new Promise((r) => later(latency, () => r(undefined)));
    const externalRef = `${path.split('/')[1]}-${checkId}`;
    const result = /ADVERSE/i.test(name) ? 'adverse' : 'no-adverse';
    switch (outcome) {
      case 'server-error':
        return send(res, 503, { error: 'temporarily unavailable' });
      case 'rate-limited':
        return send(res, 429, { error: 'too many requests' }, { 'retry-after': String(options.retryAfterSeconds ?? 1) });
      case 'timeout':
        return later(options.hangMs ?? 120_000, () => res.destroy());
      case 'malformed':
        return send(res, 200, `{"externalRef":"${externalRef}","result":"no-adv`);
      case 'rejected':
        return send(res, 422, { error: 'the request cannot be processed: unknown person record' });
      default:
        break;
    }
    if (path === '/hr/disclosure-requests') {
      send(res, 202, { externalRef, status: 'accepted' });
      // Contacts with "manual" in their address are left to a human (tests answer on the portal).
      const contact = String((body as { contactEmail?: unknown }).contactEmail ?? '');
      const manual = /manual/i.test(contact);
      if (!manual && random() < (options.refereeAnswerRate ?? 1))
        later(within(random, callbackLatency), () => void answerAsReferee(replyTo, result, contact));
      return;
    }
    // A name with MANUAL is left to a person at the authority: accepted, answered by nobody here (tests answer by callback).
    if (/MANUAL/.test(name)) return send(res, 202, { externalRef, status: 'accepted' });
    if (outcome === 'ok') return send(res, 200, { externalRef, result, reference: `CERT-${externalRef}` });
    send(res, 202, { externalRef, status: 'accepted' });
    const organisation = organisationOf(path, body.country);
    later(
      within(random, callbackLatency),
      () => void callBack(organisation, replyTo, { externalRef, result, reference: `CERT-${externalRef}` }),
    );
  }

  const secrets = new Map(Object.entries(options.callbackSecrets));
  async function callBack(organisation: string, url: string, payload: unknown) {
    const secret = secretFor(secrets, organisation);
    // An authority without a secret cannot sign: its answer goes out unsigned (and is refused).
    count(`callback ${await deliver(url, payload, secret ? signerFor(secret) : undefined, () => stopped)}`);
  }

  /** The employer's HR answers from the address the request was sent to (the verified contact). */
  async function answerAsReferee(url: string, result: string, contact: string) {
    const answer = {
      employed: 'yes',
      sexualMisconductFinding: result === 'adverse' ? 'yes' : 'no',
      leftDuringInvestigation: 'no',
      responderName: 'HR Simulator',
      responderRole: 'Head of HR',
      responderEmail: contact || 'hr@employer.example',
      ...(result === 'adverse' ? { details: 'Finding of sexual harassment, case closed.' } : {}),
    };
    count(`referee ${await deliver(url, answer, undefined, () => stopped)}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: 'simulator error' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    script: (checkId, outcomes) => void scripts.set(checkId, [...outcomes]),
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
