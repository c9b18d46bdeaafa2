import { createHash } from 'node:crypto';
import {
  conflict,
  countryScope,
  createEvent,
  forbidden,
  notFound,
  recordListRead,
  type AccessRecorder,
  type Actor,
} from '@vetting/platform';
import { signDocument, type Signer } from '@vetting/signing';
import {
  certificateContent,
  CERTIFICATE_FORMAT,
  DECIDED,
  outcomesOf,
  diffRoll,
  distinctListVersions,
  rollOf,
  toMember,
  withNames,
  type RollDiff,
  type RotationCertificate,
} from '../domain/rotation-certificate';
import type { CandidateRepository } from '../data/candidate.repository';
import type { CertificateRepository } from '../data/certificate.repository';
import { commandCountry } from './submit-candidate.use-case';

export interface CertifyDeps {
  repository: CandidateRepository;
  certificates: CertificateRepository;
  access: AccessRecorder;
  /** The platform's signing key: each certificate version is signed as it is stored. */
  signer: Signer;
  now: () => Date;
  onEvents: () => void;
}

const recordRead = (actor: Actor, ids: string[], resource: string, deps: Pick<CertifyDeps, 'access'>) =>
  recordListRead(deps.access, actor, ids, { resource, purpose: 'certify rotation nominal roll', fields: ['names', 'status'] });

const certificateId = (country: string, rotation: string, version: number) =>
  `cert-${createHash('sha256').update(`${country}|${rotation}`).digest('hex').slice(0, 20)}-v${version}`;

/**
 * Certifies the nominal roll of a rotation: every member (nomination not withdrawn) must have a
 * decision. The certificate lists each member's clearance state and the ban-list versions they were
 * screened against, is hashed, stored once and announced (rotation.certified). Certifying an
 * unchanged roll again returns the existing certificate.
 */
export async function certifyRotation(
  actor: Actor,
  rotation: string,
  body: { statement?: string; expectedMemberCount?: number },
  deps: CertifyDeps,
) {
  const country = commandCountry(actor);
  // One read of the roll as stored, beside the read of its keys and of the latest certificate (the
  // three overlap); the common refusal (offices ask while members are pending) is made on the rows
  // before anyone's data is opened, and the roll is opened with the keys already read.
  const keys = deps.repository.rollKeys(country, rotation);
  const [stored, latest] = await Promise.all([
    deps.repository.rotationRows(country, rotation),
    deps.certificates.latest(country, rotation),
  ]);
  const rows = stored.filter((r) => r.status !== 'withdrawn');
  const open = rows.filter((r) => !DECIDED.includes(r.status));
  if (open.length)
    throw conflict('ROTATION.UNDECIDED', `${open.length} member(s) have no decision yet`, {
      undecided: open.length,
      candidateIds: open.slice(0, 50).map((r) => r._id),
    });
  const roll = rollOf(await deps.repository.openRotation(country, rotation, rows, keys));
  if (!roll.length) throw notFound('ROTATION.NOT_FOUND', 'The rotation has no nominations');
  if (body.expectedMemberCount !== undefined && body.expectedMemberCount !== roll.length)
    throw conflict('ROTATION.MEMBER_COUNT', `The roll has ${roll.length} members, not ${body.expectedMemberCount}`, {
      memberCount: roll.length,
    });
  const members = roll.map(toMember);
  await recordRead(
    actor,
    members.map((m) => m.candidateId),
    'intake/rotation-certificate',
    deps,
  );
  if (latest) {
    const diff = diffRoll(latest, members);
    if (!diff.added.length && !diff.removed.length && !diff.changed.length) return { certificate: withNames(latest, roll), created: false };
  }
  const version = (latest?.version ?? 0) + 1;
  const draft = {
    country,
    rotation,
    missions: [...new Set(roll.map((c) => c.nomination.mission))].sort(),
    version,
    ...(latest ? { supersedes: latest.id } : {}),
    certifiedAt: deps.now().toISOString(),
    certifiedBy: actor.id,
    ...(body.statement ? { statement: body.statement } : {}),
    members,
  };
  const unsigned = { id: certificateId(country, rotation, version), ...draft };
  const signed = await signDocument(CERTIFICATE_FORMAT, certificateContent(unsigned), deps.signer, deps.now());
  const certificate: RotationCertificate = { ...unsigned, contentHash: signed.contentHash, signature: signed.signature };
  const event = createEvent('intake', {
    type: 'rotation.certified',
    subject: certificate.id,
    tenant: country,
    data: {
      certificateId: certificate.id,
      country,
      rotation,
      missions: certificate.missions,
      version,
      ...(latest ? { supersedes: latest.id } : {}),
      certifiedAt: certificate.certifiedAt,
      certifiedBy: actor.id,
      contentHash: certificate.contentHash,
      signature: { keyId: signed.signature.keyId, signedAt: signed.signature.signedAt },
      memberCount: members.length,
      outcomes: outcomesOf(members),
      listVersions: distinctListVersions(members),
    },
  });
  if (!(await deps.certificates.insert(certificate, [event]))) {
    const winner = await deps.certificates.latest(country, rotation);
    if (winner) return { certificate: withNames(winner, roll), created: false };
    throw conflict('ROTATION.CERTIFIED_CONCURRENTLY', 'The rotation was certified at the same moment; try again');
  }
  deps.onEvents();
  return { certificate, created: true };
}

async function certificateFor(actor: Actor, rotation: string, requested: string | undefined, deps: CertifyDeps) {
  const country = countryScope(actor, requested);
  if (!country) throw forbidden('ROTATION.COUNTRY_REQUIRED', 'Name the country of the rotation');
  const certificate = await deps.certificates.latest(country, rotation);
  if (!certificate) throw notFound('ROTATION.NOT_CERTIFIED', 'The rotation has not been certified');
  return { country, certificate };
}

/** The latest certificate (its members' names are personal data: the read is recorded). */
export async function getCertification(
  actor: Actor,
  rotation: string,
  requested: string | undefined,
  deps: CertifyDeps,
): Promise<RotationCertificate> {
  const { country, certificate } = await certificateFor(actor, rotation, requested, deps);
  // The read is recorded while the roll is read; the names leave only once both are done.
  const [roll] = await Promise.all([
    deps.repository.rotation(country, rotation),
    recordRead(
      actor,
      certificate.members.map((m) => m.candidateId),
      'intake/rotation-certificate',
      deps,
    ),
  ]);
  return withNames(certificate, roll);
}

/** The current roll against the certified one. */
export async function diffCertification(
  actor: Actor,
  rotation: string,
  requested: string | undefined,
  deps: CertifyDeps,
): Promise<RollDiff> {
  const { country, certificate } = await certificateFor(actor, rotation, requested, deps);
  const current = rollOf(await deps.repository.rotation(country, rotation)).map(toMember);
  const diff = diffRoll(certificate, current);
  const shown = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)].map((m) => m.candidateId);
  if (shown.length) await recordRead(actor, shown, 'intake/rotation-diff', deps);
  return diff;
}
