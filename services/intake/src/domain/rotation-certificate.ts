import { certificateContent, storedMember, type CertifiedContent } from '@vetting/contracts/certificate';
import { contentHashOf, DOCUMENT_FORMATS, type SignedDocument } from '@vetting/signing';
import { displayNameOf, type Candidate, type CandidateStatus, type ListVersionRef } from './candidate';

export interface CertifiedMember {
  candidateId: string;
  caseReference: string;
  /**
   * Shown, never stored: the certificate keeps case references and pseudonymous ids only, and the
   * name is joined from the candidate's current data on each read ("(erased)" once they are erased).
   */
  displayName: string;
  revision: number;
  status: CandidateStatus;
  decidedAt?: string;
  validUntil?: string;
  listVersions: ListVersionRef[];
}

export interface RotationCertificate {
  id: string;
  country: string;
  rotation: string;
  missions: string[];
  version: number;
  supersedes?: string;
  certifiedAt: string;
  certifiedBy: string;
  statement?: string;
  contentHash: string;
  /** The platform's Ed25519 signature over the content hash (see certificateDocument); absent on certificates made before signing. */
  signature?: SignedDocument['signature'];
  members: CertifiedMember[];
}

/** A decision an office can certify: cleared or not cleared. Anything else is still open. */
export const DECIDED: CandidateStatus[] = ['cleared', 'not-cleared'];

/** The roll to certify: every nomination of the rotation that was not withdrawn. */
export const rollOf = (candidates: Candidate[]) => candidates.filter((c) => c.status !== 'withdrawn');

export const undecided = (roll: Candidate[]) => roll.filter((c) => !DECIDED.includes(c.status));

export function toMember(c: Candidate): CertifiedMember {
  return {
    candidateId: c.id,
    caseReference: c.caseReference,
    displayName: displayNameOf(c),
    revision: c.revision,
    status: c.status,
    ...(c.decision ? { decidedAt: c.decision.decidedAt } : {}),
    ...(c.decision?.validUntil ? { validUntil: c.decision.validUntil } : {}),
    // From screening.completed of this revision; the decision's own inputs when that event has not
    // been applied yet (the two arrive on different topics, in no fixed order).
    listVersions: c.screenedAgainst ?? c.decision?.listVersions ?? [],
  };
}

/** The certificate's members named from the current roll (names are not stored); an erased person shows as "(erased)". */
export function withNames(cert: RotationCertificate, current: Candidate[]): RotationCertificate {
  const names = new Map(current.map((c) => [c.id, displayNameOf(c)]));
  return { ...cert, members: cert.members.map((m) => ({ ...m, displayName: names.get(m.candidateId) ?? '(no longer on this rotation)' })) };
}

/** The signed kind of a certificate: a signature of another kind of document never passes for one. */
export const CERTIFICATE_FORMAT = DOCUMENT_FORMATS.rotationCertificate;

/** What a certificate vouches for, built by the contracts so the console checks the same hash it prints. */
export type CertificateContent = CertifiedContent<CertifiedMember>;
export { certificateContent, storedMember };

/** SHA-256 of the RFC 8785 JSON of the certified content: the hash the platform signs. */
export const contentHash = (c: Omit<RotationCertificate, 'contentHash' | 'signature'>): string => contentHashOf(certificateContent(c));

/** The certificate as a signed document a verifier checks offline (`vetting certificate verify`). */
export function certificateDocument(c: RotationCertificate): SignedDocument<CertificateContent> | undefined {
  if (!c.signature) return undefined;
  return { format: CERTIFICATE_FORMAT, content: certificateContent(c), contentHash: c.contentHash, signature: c.signature };
}

/** Every distinct list version the members were screened against. */
export function distinctListVersions(members: CertifiedMember[]): ListVersionRef[] {
  const seen = new Map<string, ListVersionRef>();
  for (const m of members)
    for (const v of m.listVersions)
      seen.set(`${v.listId}@${v.version}`, { listId: v.listId, version: v.version, contentHash: v.contentHash });
  return [...seen.values()].sort((a, b) => a.listId.localeCompare(b.listId) || a.version - b.version);
}

export interface RollDiff {
  certificateId: string;
  version: number;
  certifiedAt: string;
  unchanged: number;
  added: CertifiedMember[];
  removed: CertifiedMember[];
  changed: { candidateId: string; before: CertifiedMember; after: CertifiedMember }[];
}

/** How the current roll differs from the certified one: new members, members gone (withdrawn), and members whose revision or state changed. */
export function diffRoll(cert: RotationCertificate, current: CertifiedMember[]): RollDiff {
  const before = new Map(cert.members.map((m) => [m.candidateId, m]));
  const now = new Map(current.map((m) => [m.candidateId, m]));
  const diff: RollDiff = {
    certificateId: cert.id,
    version: cert.version,
    certifiedAt: cert.certifiedAt,
    unchanged: 0,
    added: [],
    removed: [],
    changed: [],
  };
  for (const m of current) {
    const old = before.get(m.candidateId);
    if (!old) diff.added.push(m);
    else if (old.revision !== m.revision || old.status !== m.status || old.validUntil !== m.validUntil)
      diff.changed.push({ candidateId: m.candidateId, before: old, after: m });
    else diff.unchanged++;
  }
  for (const m of cert.members) if (!now.has(m.candidateId)) diff.removed.push(m);
  return diff;
}

/** One version of a rotation's certificate, without its members: what the list of versions shows. */
export interface CertificateSummary {
  id: string;
  version: number;
  supersedes?: string;
  missions: string[];
  certifiedAt: string;
  certifiedBy: string;
  memberCount: number;
  outcomes: { cleared: number; notCleared: number };
  contentHash: string;
  signature?: { keyId: string; signedAt: string };
}

export const outcomesOf = (members: Pick<CertifiedMember, 'status'>[]) => ({
  cleared: members.filter((m) => m.status === 'cleared').length,
  notCleared: members.filter((m) => m.status === 'not-cleared').length,
});

export function summaryOf(c: RotationCertificate): CertificateSummary {
  return {
    id: c.id,
    version: c.version,
    ...(c.supersedes ? { supersedes: c.supersedes } : {}),
    missions: c.missions,
    certifiedAt: c.certifiedAt,
    certifiedBy: c.certifiedBy,
    memberCount: c.members.length,
    outcomes: outcomesOf(c.members),
    contentHash: c.contentHash,
    ...(c.signature ? { signature: { keyId: c.signature.keyId, signedAt: c.signature.signedAt } } : {}),
  };
}

export interface VersionDiff {
  from: CertificateSummary;
  to: CertificateSummary;
  unchanged: number;
  added: CertifiedMember[];
  removed: CertifiedMember[];
  changed: { candidateId: string; before: CertifiedMember; after: CertifiedMember }[];
}

/** What changed between two certified versions of one rotation (`older` must be the earlier one). */
export function diffVersions(older: RotationCertificate, newer: RotationCertificate): VersionDiff {
  const { unchanged, added, removed, changed } = diffRoll(older, newer.members);
  return { from: summaryOf(older), to: summaryOf(newer), unchanged, added, removed, changed };
}
