import { randomUUID } from 'node:crypto';
import { createEvent, createEventPublisher, createEventValidator, loadConfig, type EventEnvelope } from '@vetting/platform';
import {
  createTestPersonKeys,
  createTestServiceEnv,
  randomName,
  waitFor,
  type TestPersonKeys,
  type TestServiceEnv,
} from '@vetting/platform/testing';
import { startSimulators, type SimulatorOptions, type Simulators } from '@vetting/simulators';
import { referencesConfigSchema, type ReferencesConfig } from '../config';
import { startReferences } from '../start-references';
import { saveEmployer } from '../use-cases/manage-directory.use-case';
import { startReferencesWorker } from '../worker/start-worker';

/** Each authority's own callback secret in the harness (the simulators sign with the same). */
export const CALLBACK_SECRETS = { UN: 'test-callback-secret-un-0123456789abcdef', '*': 'test-callback-secret-other-authorities-0123' };
export const callbackSecretsSetting = (secrets: Record<string, string>) =>
  Object.entries(secrets)
    .map(([org, secret]) => `${org}=${secret}`)
    .join(',');

export interface Harness {
  env: TestServiceEnv;
  /** The person keys intake would serve (the service's `personKeys`): `keys.shred(id)` erases a person there. */
  keys: TestPersonKeys;
  sims: Simulators;
  config: ReferencesConfig;
  service: Awaited<ReturnType<typeof startReferences>>;
  worker?: Awaited<ReturnType<typeof startReferencesWorker>>;
  /** Every event published on vetting.references since the start. */
  events: EventEnvelope[];
  /** Environment for a worker process of this harness. */
  workerEnv: Record<string, string>;
  submit(person: Record<string, unknown>, category?: string): Promise<string>;
  /** Publishes a corrected nomination (`candidate.updated`, the given revision) as intake would; returns the event, for redelivering it. */
  correct(candidateId: string, revision: number, person: Record<string, unknown>, category?: string): Promise<EventEnvelope>;
  /** Publishes the office's withdrawal (`candidate.withdrawn`, its reason sealed) as intake would; returns the event, for redelivering it. */
  withdraw(candidateId: string, revision: number, reason?: string): Promise<EventEnvelope>;
  /** Publishes an event again, same id (a redelivery). */
  redeliver(event: EventEnvelope): Promise<void>;
  /** Publishes any event on its topic, as its producing service would (validated against its schema). */
  publish(source: string, type: string, subject: string, data: Record<string, unknown>): Promise<void>;
  /** Path of the referee link in the latest mail to `email` (waits for the mail). */
  mailedLink(email: string): Promise<string>;
  token(roles: string[]): Promise<string>;
  /** Adds an employer to the directory as a screening officer would: its verified contact and domains. */
  employer(name: string, contact: string, domains?: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The references service, optionally an in-process worker, and the simulators, against the real
 * Kafka, FerretDB and Redis, isolated by random database, topic prefix and queue prefix. Times are
 * compressed: backoff 50 ms, call timeout 1 s, referee deadline and reminders as given.
 */
export async function startHarness(
  options: { sims?: Partial<SimulatorOptions>; env?: Record<string, string>; worker?: boolean } = {},
): Promise<Harness> {
  const env = await createTestServiceEnv('references');
  const sims = await startSimulators({
    seed: 7,
    latency: { minMs: 5, maxMs: 20 },
    callbackLatency: { minMs: 20, maxMs: 60 },
    asyncRate: 0,
    hangMs: 3000,
    callbackSecrets: CALLBACK_SECRETS,
    ...options.sims,
  });
  const settings: Record<string, string> = {
    ...env.env,
    QUEUE_PREFIX: randomName('q'),
    NATIONAL_RECORDS_URL: `${sims.url}/national-records`,
    UN_RECORDS_URL: `${sims.url}/un-records`,
    EMPLOYER_HR_URL: `${sims.url}/hr`,
    CALLBACK_SECRETS: callbackSecretsSetting(CALLBACK_SECRETS),
    CHECK_ATTEMPTS: '4',
    CHECK_BACKOFF_MS: '50',
    CHECK_TIMEOUT_MS: '1000',
    LOCK_DURATION_MS: '3000',
    STALLED_INTERVAL_MS: '1000',
    SWEEP_INTERVAL_MS: '2000',
    ORG_RATE_PER_SECOND: '50',
    ...options.env,
  };
  const config = loadConfig(referencesConfigSchema, settings);
  const keys = await createTestPersonKeys();
  const service = await startReferences(config, { jwks: env.issuer.jwks, personKeys: keys.source });
  const workerEnv = { ...settings, PUBLIC_URL: `http://127.0.0.1:${service.port}` };
  const worker = options.worker === false ? undefined : await startReferencesWorker(loadConfig(referencesConfigSchema, workerEnv));
  const events: EventEnvelope[] = [];
  const consumer = env.kafka.consumer({ groupId: randomName('collect') });
  await consumer.connect();
  await consumer.subscribe({ topic: `${env.prefix}vetting.references`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => void events.push(JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope),
  });
  const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
  await publisher.connect();
  // A nomination (revision 1) or its correction, sealed as intake seals it.
  const nominated = (candidateId: string, revision: number, person: Record<string, unknown>, category: string) =>
    keys.seal(
      createEvent('intake', {
        type: revision === 1 ? 'candidate.submitted' : 'candidate.updated',
        subject: candidateId,
        tenant: 'GH',
        data: {
          candidateId,
          country: 'GH',
          revision,
          nomination: { mission: 'MINUSCA', rotation: 'R1', category },
          consent: { given: true, formVersion: 'v1', recordedAt: new Date().toISOString() },
        },
      }),
      { person },
    );
  return {
    env,
    keys,
    sims,
    config,
    service,
    worker,
    events,
    workerEnv,
    async submit(person, category = 'military-contingent') {
      const candidateId = `c-${randomUUID().slice(0, 8)}`;
      await publisher.publish([await nominated(candidateId, 1, person, category)]);
      return candidateId;
    },
    async correct(candidateId, revision, person, category = 'military-contingent') {
      const event = await nominated(candidateId, revision, person, category);
      await publisher.publish([event]);
      return event;
    },
    async withdraw(candidateId, revision, reason = 'The officer is no longer available for the rotation.') {
      const event = await keys.seal(
        createEvent('intake', {
          type: 'candidate.withdrawn',
          subject: candidateId,
          tenant: 'GH',
          data: { candidateId, country: 'GH', revision, withdrawnAt: new Date().toISOString() },
        } as never) as EventEnvelope,
        { reason },
      );
      await publisher.publish([event]);
      return event;
    },
    async redeliver(event) {
      await publisher.publish([event]);
    },
    async publish(source, type, subject, data) {
      await publisher.publish([createEvent(source, { type, subject, tenant: 'GH', data } as never) as never]);
    },
    async mailedLink(email) {
      const mail = await waitFor(async () => (await service.ctx.mailbox.list(email))[0], {
        timeoutMs: 90_000,
        message: `a mail to ${email}`,
      });
      return new URL(/https?:\/\/\S+\/referee\/\S+/.exec(mail.text)![0]).pathname;
    },
    token: (roles) => env.issuer.token({ sub: 'operator', roles: roles as never }).then((t) => `Bearer ${t}`),
    async employer(name, contact, domains = []) {
      const actor = { id: 'screener-test', roles: ['un-screener'] } as never;
      const saved = await saveEmployer(
        actor,
        { name, domains, contacts: [{ email: contact }], verification: 'verified for the test' },
        service.ctx,
      );
      return saved.employerId;
    },
    async stop() {
      await consumer.disconnect().catch(() => undefined);
      await publisher.disconnect().catch(() => undefined);
      await worker?.stop();
      await service.stop();
      await sims.stop();
      await keys.close();
    },
  };
}
