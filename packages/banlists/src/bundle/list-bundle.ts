import { DOCUMENT_FORMATS, verifySignedDocument, type SignatureProblem, type SignedDocument, type TrustedKeys } from '@vetting/signing';
import type { ListEntry, Thresholds } from '@vetting/matching';

/** The signed kind of an offline list bundle. */
export const LIST_BUNDLE_FORMAT = DOCUMENT_FORMATS.listBundle;

/** Where a list version came from, as its bundle states it (no person's name: who imported it is in the audit trail). */
export interface BundleProvenance {
  importedAt: string;
  format: string;
  /** SHA-256 of the file the version was imported from. */
  fileHash: string;
  /** The publication date the source file states. */
  publishedAt?: string;
}

export interface BundledList {
  listId: string;
  name: string;
  version: number;
  /** The list version's own content hash (over its full entries), as screening records it. */
  contentHash: string;
  entryCount: number;
  provenance: BundleProvenance;
  /** Only what matching reads: names, dates of birth, nationalities, gender, documents, service numbers. Never why a person is listed. */
  entries: ListEntry[];
}

export interface ListBundleContent {
  bundleId: string;
  createdAt: string;
  /** After this the bundle is refused, whatever a verifier's own maximum age allows. */
  expiresAt: string;
  /** Who downloaded it: a copy that leaks names its holder. */
  issuedTo: { actor: string; country?: string };
  /** The thresholds the platform screened with at issue, so offline bands are the platform's. */
  thresholds: Thresholds;
  lists: BundledList[];
}

export type ListBundle = SignedDocument<ListBundleContent>;

/** Only the fields matching reads, copied one by one: a richer record passed in leaves nothing else behind. */
const matchFields = (e: ListEntry): ListEntry => ({
  id: e.id,
  names: e.names.map((n) => ({ full: n.full, kind: n.kind, ...(n.script ? { script: n.script } : {}) })),
  datesOfBirth: [...e.datesOfBirth],
  nationalities: [...e.nationalities],
  ...(e.gender ? { gender: e.gender } : {}),
  documents: e.documents.map((d) => ({
    number: d.number,
    ...(d.type ? { type: d.type } : {}),
    ...(d.country ? { country: d.country } : {}),
  })),
  serviceNumbers: [...e.serviceNumbers],
});

/** A list version as it goes into a bundle: entries reduced to what matching reads. */
export function bundledList(list: Omit<BundledList, 'entries' | 'entryCount'>, entries: readonly ListEntry[]): BundledList {
  return { ...list, entryCount: entries.length, entries: entries.map(matchFields) };
}

export type BundleProblem = SignatureProblem | 'expired' | 'too-old' | 'not-yet-valid';

export type OpenedBundle =
  | { ok: true; bundle: ListBundleContent; keyId: string; contentHash: string; ageMs: number }
  | { ok: false; problem: BundleProblem; reason: string };

export interface OpenBundleOptions {
  trusted: TrustedKeys;
  /** The oldest bundle this verifier accepts (its own policy, on top of the bundle's expiry). */
  maxAgeMs: number;
  now?: Date;
  /** Clock difference tolerated for a bundle that seems to come from the future. Default 5 minutes. */
  skewMs?: number;
}

/**
 * Opens a bundle for offline screening: the signature must verify against a key the verifier
 * already trusts, and the bundle must be neither expired nor older than the verifier allows.
 * Nothing of a refused bundle is returned, so nothing can screen with it.
 */
export function openListBundle(document: unknown, options: OpenBundleOptions): OpenedBundle {
  const verified = verifySignedDocument(document, { format: LIST_BUNDLE_FORMAT, trusted: options.trusted });
  if (!verified.ok) return { ok: false, problem: verified.problem, reason: verified.reason };
  const bundle = (document as ListBundle).content;
  const now = (options.now ?? new Date()).getTime();
  const created = Date.parse(bundle.createdAt);
  const expires = Date.parse(bundle.expiresAt);
  if (!Number.isFinite(created) || !Number.isFinite(expires))
    return { ok: false, problem: 'malformed', reason: 'the bundle states no valid creation or expiry time' };
  if (created > now + (options.skewMs ?? 5 * 60_000))
    return {
      ok: false,
      problem: 'not-yet-valid',
      reason: `the bundle was made at ${bundle.createdAt}, after this computer's clock: check the clock`,
    };
  if (now >= expires) return { ok: false, problem: 'expired', reason: `the bundle expired at ${bundle.expiresAt}: download a new one` };
  if (now - created > options.maxAgeMs)
    return {
      ok: false,
      problem: 'too-old',
      reason: `the bundle was made at ${bundle.createdAt}, more than ${Math.round(options.maxAgeMs / 3_600_000)} h ago: download a new one`,
    };
  return { ok: true, bundle, keyId: verified.keyId, contentHash: verified.contentHash, ageMs: now - created };
}
