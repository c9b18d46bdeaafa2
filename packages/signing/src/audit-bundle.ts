/**
 * The offline verifier of an audit export bundle. Deliberately self-contained: it imports only
 * node:crypto and canonicalize and re-implements the chain hashing, so an auditor can copy this
 * file (and verify-bundle.ts) and check a bundle without the services, the database or our code.
 *
 * Chain rule: contentHash = SHA-256(RFC 8785 JSON of the entry without prevHash and hash);
 * hash = SHA-256(prevHash + contentHash) (hex strings). A checkpoint is an Ed25519 signature over
 * the RFC 8785 JSON of {chainId, seq, hash, time, keyId}. The bundle file itself is RFC 8785 JSON
 * (so any changed byte either breaks the form or changes a value) and carries an Ed25519
 * `bundleSignature` over BUNDLE_FORMAT + "\n" + the RFC 8785 JSON of everything else in it.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Strict base64: Node ignores the unused bits of the last character, so "…Aw==" and "…Av==" decode alike. */
const strictBase64 = (text: unknown) => {
  const bytes = Buffer.from(String(text), 'base64');
  if (bytes.toString('base64') !== text) throw new Error('not canonical base64');
  return bytes;
};

export const BUNDLE_FORMAT = 'vetting-audit-bundle/1' as const;

export interface BundleCheckpoint {
  chainId: string;
  seq: number;
  hash: string;
  time: string;
  keyId: string;
  signature: string;
}

/** An entry of someone else, left out of the export: only its place and content hash. */
export interface ElidedEntry {
  seq: number;
  elided: true;
  contentHash: string;
}

export type BundleEntry = (Record<string, unknown> & { seq: number; prevHash: string; hash: string }) | ElidedEntry;

export interface AuditBundle {
  format: typeof BUNDLE_FORMAT;
  chainId: string;
  scope: Record<string, string>;
  createdAt: string;
  /** The hash before the segment's first entry. */
  segment: { fromSeq: number; toSeq: number; prevHash: string };
  entries: BundleEntry[];
  checkpoints: BundleCheckpoint[];
  /**
   * The latest checkpoint on the published topic when the bundle was made (absent before the first
   * one). Keep it: it proves how far the chain had come, against any later rewrite of the audit's
   * database or checkpoint file.
   */
  publishedCheckpoint?: BundleCheckpoint;
  /** SPKI PEM of the Ed25519 key that signs checkpoints and the bundle. */
  publicKey: string;
  /** Base64 Ed25519 signature of the whole bundle (see above). */
  bundleSignature: string;
}

export const bundleSigningPayload = (bundle: Omit<AuditBundle, 'bundleSignature'> & { bundleSignature?: string }) => {
  const { bundleSignature: _s, ...rest } = bundle;
  return Buffer.from(`${BUNDLE_FORMAT}\n${canonicalize(rest) ?? ''}`, 'utf8');
};

export interface BundleVerification {
  ok: boolean;
  problems: { seq?: number; problem: string }[];
  entries: number;
  included: number;
  elided: number;
  anchoredBy?: { seq: number; time: string; keyId: string };
  /** The published checkpoint the bundle prints, once its signature verified. */
  published?: { seq: number; hash: string; time: string };
}

function checkpointValid(c: BundleCheckpoint, publicKeyPem: string, keyId: string, chainId: string): boolean {
  try {
    const payload = canonicalize({ chainId: c.chainId, seq: c.seq, hash: c.hash, time: c.time, keyId: c.keyId }) ?? '';
    return (
      c.chainId === chainId &&
      c.keyId === keyId &&
      verify(null, Buffer.from(payload, 'utf8'), createPublicKey(publicKeyPem), strictBase64(c.signature))
    );
  } catch {
    return false;
  }
}

/** Checks every link of the segment, every checkpoint signature, and that a checkpoint signs the segment's end. */
export function verifyBundle(bundle: AuditBundle): BundleVerification {
  const problems: BundleVerification['problems'] = [];
  const result = (extra: Partial<BundleVerification> = {}): BundleVerification => ({
    ok: problems.length === 0,
    problems,
    entries: bundle.entries?.length ?? 0,
    included: (bundle.entries ?? []).filter((e) => !('elided' in e)).length,
    elided: (bundle.entries ?? []).filter((e) => 'elided' in e).length,
    ...extra,
  });
  if (bundle.format !== BUNDLE_FORMAT) return (problems.push({ problem: `unknown format ${String(bundle.format)}` }), result());
  let keyId: string;
  try {
    const publicKey = createPublicKey(bundle.publicKey);
    keyId = sha256(publicKey.export({ type: 'spki', format: 'der' }).toString('hex')).slice(0, 16);
    if (!verify(null, bundleSigningPayload(bundle), publicKey, strictBase64(bundle.bundleSignature)))
      return (problems.push({ problem: 'the bundle signature does not verify: the bundle was altered' }), result());
  } catch {
    return (problems.push({ problem: 'the public key or the bundle signature is not valid' }), result());
  }
  const signed = new Map<number, BundleCheckpoint>();
  for (const c of bundle.checkpoints) {
    if (checkpointValid(c, bundle.publicKey, keyId, bundle.chainId)) signed.set(c.seq, c);
    else problems.push({ seq: c.seq, problem: 'checkpoint signature does not verify' });
  }
  const pub = bundle.publishedCheckpoint;
  if (pub && !checkpointValid(pub, bundle.publicKey, keyId, bundle.chainId))
    problems.push({ seq: pub.seq, problem: 'the published checkpoint signature does not verify' });
  else if (pub && signed.has(pub.seq) && signed.get(pub.seq)!.hash !== pub.hash)
    problems.push({ seq: pub.seq, problem: 'the published checkpoint disagrees with the bundle' });
  else if (pub && pub.seq >= bundle.segment.fromSeq && pub.seq <= bundle.segment.toSeq) signed.set(pub.seq, pub);
  let prev = bundle.segment.prevHash;
  let expected = bundle.segment.fromSeq;
  for (const entry of bundle.entries) {
    if (entry.seq !== expected)
      return (problems.push({ seq: expected, problem: `expected entry ${expected}, found ${entry.seq}` }), result());
    let hash: string;
    if ('elided' in entry) hash = sha256(prev + entry.contentHash);
    else {
      const { prevHash, hash: stored, ...content } = entry;
      hash = sha256(prev + sha256(canonicalize(content) ?? ''));
      if (prevHash !== prev) return (problems.push({ seq: entry.seq, problem: 'does not link to the entry before it' }), result());
      if (stored !== hash) return (problems.push({ seq: entry.seq, problem: 'content does not match its hash: altered' }), result());
    }
    const checkpoint = signed.get(entry.seq);
    if (checkpoint && checkpoint.hash !== hash)
      return (problems.push({ seq: entry.seq, problem: 'differs from the signed checkpoint' }), result());
    prev = hash;
    expected++;
  }
  if (expected - 1 !== bundle.segment.toSeq)
    problems.push({ seq: expected, problem: `the segment ends at ${expected - 1}, not at ${bundle.segment.toSeq}: entries missing` });
  const anchor = signed.get(bundle.segment.toSeq);
  if (!anchor || anchor.hash !== prev)
    problems.push({ seq: bundle.segment.toSeq, problem: 'no valid signed checkpoint vouches for the end of the segment' });
  return result({
    ...(anchor ? { anchoredBy: { seq: anchor.seq, time: anchor.time, keyId: anchor.keyId } } : {}),
    ...(pub && problems.every((p) => !p.problem.startsWith('the published'))
      ? { published: { seq: pub.seq, hash: pub.hash, time: pub.time } }
      : {}),
  });
}

/** Verifies a bundle file's text: it must be exactly the RFC 8785 form of its content, then verify. */
export function verifyBundleText(text: string): BundleVerification {
  const empty = { ok: false, entries: 0, included: 0, elided: 0 };
  let parsed: AuditBundle;
  try {
    parsed = JSON.parse(text) as AuditBundle;
  } catch {
    return { ...empty, problems: [{ problem: 'not valid JSON' }] };
  }
  if (canonicalize(parsed) !== text.replace(/\n$/, ''))
    return { ...empty, problems: [{ problem: 'not in RFC 8785 canonical form: the file was altered' }] };
  return verifyBundle(parsed);
}
