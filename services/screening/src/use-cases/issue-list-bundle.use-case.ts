import { randomUUID } from 'node:crypto';
import { bundledList, LIST_BUNDLE_FORMAT, type ListBundle, type ListBundleContent } from '@vetting/banlists';
import { DEFAULT_THRESHOLDS } from '@vetting/matching';
import { AppError, createEvent, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import { signDocument, type Signer } from '@vetting/signing';
import type { ActiveLists } from '../domain/active-lists';
import type { BundleRepository } from '../data/bundle.repository';
import type { ListRepository } from '../data/list.repository';

export interface BundleDeps {
  lists: ActiveLists;
  repository: ListRepository;
  bundles: BundleRepository;
  access: AccessRecorder;
  signer: Signer;
  /** How long an issued bundle stays usable offline. */
  validForMs: number;
  now: () => Date;
  onEvents: () => void;
}

/**
 * Issues a signed bundle of every active list for screening offline: the entries exactly as this
 * service screens with them (matching fields only), each version's provenance, the thresholds, and
 * who it is issued to. The issue is recorded (banlist.bundle-issued) and the read of the entries
 * audited before the bundle leaves.
 */
export async function issueListBundle(actor: Actor, deps: BundleDeps): Promise<ListBundle> {
  const snapshot = deps.lists.snapshot();
  if (!snapshot.length) throw notFound('BUNDLE.NO_ACTIVE_LIST', 'No list is active yet: there is nothing to screen against');
  const names = new Map((await deps.repository.activeLists()).map((l) => [l.listId, l.name]));
  const lists = await Promise.all(
    snapshot.map(async ({ ref, entries }) => {
      const doc = await deps.repository.versionDoc(ref.listId, ref.version);
      if (!doc)
        throw new AppError('BUNDLE.VERSION_UNREADABLE', `The version record of ${ref.listId} v${ref.version} cannot be read; try again`, {
          status: 503,
          retriable: true,
        });
      const { importedAt, format, fileHash, publishedAt } = doc.provenance;
      return bundledList(
        {
          listId: ref.listId,
          name: names.get(ref.listId) ?? ref.listId,
          version: ref.version,
          contentHash: ref.contentHash,
          provenance: { importedAt, format, fileHash, ...(publishedAt ? { publishedAt } : {}) },
        },
        entries,
      );
    }),
  );
  const now = deps.now();
  const content: ListBundleContent = {
    bundleId: randomUUID(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.validForMs).toISOString(),
    issuedTo: { actor: actor.id, ...(actor.country ? { country: actor.country } : {}) },
    thresholds: { ...(deps.lists.thresholds ?? DEFAULT_THRESHOLDS) },
    lists,
  };
  const bundle = await signDocument(LIST_BUNDLE_FORMAT, content, deps.signer, now);
  const versions = lists.map((l) => ({ listId: l.listId, version: l.version, contentHash: l.contentHash }));
  await deps.access.record({
    actor,
    subjectId: `bundle:${content.bundleId}`,
    subjectIds: versions.map((v) => `${v.listId}@${v.version}`),
    resource: 'screening/list-bundle',
    purpose: 'screen offline',
    fields: ['listEntries'],
  });
  const issued = {
    contentHash: bundle.contentHash,
    keyId: bundle.signature.keyId,
    issuedTo: content.issuedTo,
    createdAt: content.createdAt,
    expiresAt: content.expiresAt,
    lists: versions,
  };
  const event = createEvent('screening', {
    type: 'banlist.bundle-issued',
    subject: content.bundleId,
    ...(actor.country ? { tenant: actor.country } : {}),
    data: { bundleId: content.bundleId, ...issued },
  });
  await deps.bundles.issue({ _id: content.bundleId, ...issued }, [event]);
  deps.onEvents();
  return bundle;
}
