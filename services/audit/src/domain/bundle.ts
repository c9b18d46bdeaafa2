import { BUNDLE_FORMAT, bundleSigningPayload, type AuditBundle, type BundleCheckpoint, type BundleEntry } from '@vetting/signing';
import { bodyOf, canonicalJson, contentHashOf, type AuditEntry } from './hash-chain';
import type { Signer } from './signer';

/**
 * Collects an export segment: entries arrive in chain order (already verified by the caller); the
 * segment starts at the first selected entry and every entry after it that is not selected is
 * replaced by its content hash, so the bundle proves the chain without disclosing other people.
 */
export function createBundleBuilder(select: (entry: AuditEntry) => boolean) {
  const entries: BundleEntry[] = [];
  let prevHash: string | undefined;
  let fromSeq = 0;
  let toSeq = 0;
  return {
    add(entry: AuditEntry) {
      const selected = select(entry);
      if (prevHash === undefined) {
        if (!selected) return;
        prevHash = entry.prevHash;
        fromSeq = entry.seq;
      }
      entries.push(selected ? { ...entry } : { seq: entry.seq, elided: true, contentHash: contentHashOf(bodyOf(entry)) });
      toSeq = entry.seq;
    },
    get empty() {
      return prevHash === undefined;
    },
    /** `published`: the latest checkpoint on the published topic, printed in the bundle (see the verifier). */
    async build(
      header: { chainId: string; scope: Record<string, string>; createdAt: string },
      checkpoints: BundleCheckpoint[],
      signer: Signer,
      published?: BundleCheckpoint,
    ): Promise<AuditBundle> {
      const unsigned = {
        format: BUNDLE_FORMAT,
        ...header,
        segment: { fromSeq, toSeq, prevHash: prevHash ?? '' },
        entries,
        checkpoints: checkpoints.filter((c) => c.seq >= fromSeq && c.seq <= toSeq),
        ...(published ? { publishedCheckpoint: published } : {}),
        publicKey: signer.publicKeyPem,
      };
      return { ...unsigned, bundleSignature: (await signer.sign(bundleSigningPayload(unsigned))).toString('base64') };
    },
  };
}

/** The file form of a bundle: RFC 8785 JSON, so the offline verifier can demand the exact bytes. */
export const bundleFileText = (bundle: AuditBundle) => `${canonicalJson(bundle)}\n`;
