import { createHash, randomUUID } from 'node:crypto';
import type { ScreeningOutcome } from '@vetting/banlists';
import type { PersonQuery } from '@vetting/matching';
import { AppError, countryScope, createEvent, notFound, type AccessRecorder, type Actor, type RateLimiter } from '@vetting/platform';
import type { ActiveLists } from '../domain/active-lists';
import { evaluateScreening } from '../domain/evaluate-screening';
import { recheckRow, summarise } from '../domain/offline-recheck';
import type { BundleRepository, OfflineUpload } from '../data/bundle.repository';

export interface OfflineResultsDeps {
  lists: ActiveLists;
  bundles: BundleRepository;
  limiter: RateLimiter;
  access: AccessRecorder;
  now: () => Date;
  onEvents: () => void;
}

export interface OfflineResultsRequest {
  bundleId: string;
  bundleContentHash: string;
  results: { ref: string; screenedAt: string; outcome: ScreeningOutcome; person: Omit<PersonQuery, 'confirmedEntryIds'> }[];
}

const unissued = () =>
  new AppError('OFFLINE.BUNDLE_NOT_ISSUED', 'The platform issued no such bundle to you: screen again with a bundle downloaded from it', {
    status: 422,
    errors: [{ field: '/bundleId', reason: 'not a bundle issued to you' }],
  });

/**
 * Results screened offline arrive: each person is screened again against today's lists, and the
 * upload keeps, per row, the office's own reference and both outcomes (no person's data). The
 * bundle must be one the platform issued to the uploader's country, with the same content hash.
 */
export async function receiveOfflineResults(
  actor: Actor,
  request: OfflineResultsRequest,
  idempotencyKey: string | undefined,
  deps: OfflineResultsDeps,
) {
  const id = idempotencyKey
    ? `offline-${createHash('sha256').update(`${actor.id}|${idempotencyKey}`).digest('hex').slice(0, 32)}`
    : `offline-${randomUUID()}`;
  const earlier = idempotencyKey ? await deps.bundles.upload(id) : undefined;
  if (earlier) return { upload: earlier, created: false };
  const { allowed, retryAfterMs } = await deps.limiter.take(actor.id);
  if (!allowed)
    throw new AppError('CHECK.RATE_LIMITED', 'Too many searches; try again later', {
      status: 429,
      extensions: { retryAfter: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
    });
  const bundle = await deps.bundles.bundle(request.bundleId);
  const country = countryScope(actor);
  if (!bundle || bundle.contentHash !== request.bundleContentHash || (country && bundle.issuedTo.country !== country)) throw unissued();
  const rows = request.results.map(({ person, ...line }) => {
    const { hits } = deps.lists.screen({ ...person, documents: person.documents ?? [], serviceNumbers: person.serviceNumbers ?? [] });
    return recheckRow(line, evaluateScreening(hits).outcome, bundle);
  });
  const receivedAt = deps.now().toISOString();
  const upload: OfflineUpload = {
    _id: id,
    actor: actor.id,
    ...(bundle.issuedTo.country ? { country: bundle.issuedTo.country } : {}),
    bundleId: bundle._id,
    receivedAt,
    listVersions: deps.lists.versions(),
    rows,
    summary: summarise(rows),
  };
  await deps.access.record({
    actor,
    subjectId: `offline:${id}`,
    subjectIds: rows.slice(0, 500).map((r) => r.ref.slice(0, 100)),
    resource: 'screening/offline-results',
    purpose: 're-screen results screened offline',
    fields: ['names', 'dateOfBirth', 'documents'],
  });
  const event = createEvent('screening', {
    type: 'screening.offline-rescreened',
    subject: id,
    ...(upload.country ? { tenant: upload.country } : {}),
    data: {
      uploadId: id,
      bundleId: bundle._id,
      ...(upload.country ? { country: upload.country } : {}),
      receivedAt,
      listVersions: upload.listVersions,
      ...upload.summary,
    },
  });
  if (!(await deps.bundles.receive(upload, [event]))) return { upload: (await deps.bundles.upload(id))!, created: false };
  deps.onEvents();
  return { upload, created: true };
}

export async function listOfflineUploads(actor: Actor, requested: string | undefined, deps: Pick<OfflineResultsDeps, 'bundles'>) {
  return { items: await deps.bundles.uploads(countryScope(actor, requested), 200) };
}

export async function readOfflineUpload(actor: Actor, id: string, deps: Pick<OfflineResultsDeps, 'bundles'>): Promise<OfflineUpload> {
  const upload = await deps.bundles.upload(id);
  const country = countryScope(actor);
  if (!upload || (country && upload.country !== country)) throw notFound('OFFLINE.NOT_FOUND', 'No such upload of offline results');
  return upload;
}
