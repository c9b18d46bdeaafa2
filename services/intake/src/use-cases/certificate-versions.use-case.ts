import { countryScope, forbidden, notFound, recordListRead, type Actor } from '@vetting/platform';
import type { SignedDocument } from '@vetting/signing';
import {
  certificateDocument,
  diffVersions,
  withNames,
  type CertificateContent,
  type CertificateSummary,
  type RotationCertificate,
  type VersionDiff,
} from '../domain/rotation-certificate';
import type { CertifyDeps } from './certify-rotation.use-case';

type Deps = Pick<CertifyDeps, 'repository' | 'certificates' | 'access'>;

function scopeOf(actor: Actor, requested: string | undefined): string {
  const country = countryScope(actor, requested);
  if (!country) throw forbidden('ROTATION.COUNTRY_REQUIRED', 'Name the country of the rotation');
  return country;
}

async function versionOf(country: string, rotation: string, version: number, deps: Deps): Promise<RotationCertificate> {
  const certificate = await deps.certificates.version(country, rotation, version);
  if (!certificate) throw notFound('CERTIFICATE.NOT_FOUND', `The rotation has no certificate version ${version}`);
  return certificate;
}

/** Every certified version of a rotation, newest first (no names: counts, hashes and signatures). */
export async function listCertificateVersions(
  actor: Actor,
  rotation: string,
  requested: string | undefined,
  deps: Deps,
): Promise<CertificateSummary[]> {
  const versions = await deps.certificates.versions(scopeOf(actor, requested), rotation);
  if (!versions.length) throw notFound('ROTATION.NOT_CERTIFIED', 'The rotation has not been certified');
  return versions;
}

/** One version with its members named from the current roll (the read of names is recorded). */
export async function getCertificateVersion(
  actor: Actor,
  rotation: string,
  version: number,
  requested: string | undefined,
  deps: Deps,
): Promise<RotationCertificate> {
  const country = scopeOf(actor, requested);
  const certificate = await versionOf(country, rotation, version, deps);
  await recordNames(
    actor,
    certificate.members.map((m) => m.candidateId),
    deps,
  );
  return withNames(certificate, await deps.repository.rotation(country, rotation));
}

/** The version as the platform signed it, for offline verification: case references and ids, no names. */
export async function signedCertificate(
  actor: Actor,
  rotation: string,
  version: number,
  requested: string | undefined,
  deps: Deps,
): Promise<SignedDocument<CertificateContent>> {
  const document = certificateDocument(await versionOf(scopeOf(actor, requested), rotation, version, deps));
  if (!document)
    throw notFound(
      'CERTIFICATE.UNSIGNED',
      'This version was certified before certificates were signed; its content hash is in the audit trail',
    );
  return document;
}

/** What changed from an earlier version (`against`, default the one before) to `version`. */
export async function diffCertificateVersions(
  actor: Actor,
  rotation: string,
  version: number,
  against: number | undefined,
  requested: string | undefined,
  deps: Deps,
): Promise<VersionDiff> {
  const country = scopeOf(actor, requested);
  const earlier = against ?? version - 1;
  if (earlier < 1 || earlier >= version)
    throw notFound('CERTIFICATE.NO_EARLIER_VERSION', `Version ${version} has no earlier version ${earlier} to compare with`);
  const [older, newer] = await Promise.all([versionOf(country, rotation, earlier, deps), versionOf(country, rotation, version, deps)]);
  const diff = diffVersions(older, newer);
  const shown = [...diff.added, ...diff.removed, ...diff.changed.map((c) => c.after)].map((m) => m.candidateId);
  if (!shown.length) return diff;
  await recordNames(actor, shown, deps);
  const roll = await deps.repository.rotation(country, rotation);
  const named = (members: RotationCertificate['members']) => withNames({ ...newer, members }, roll).members;
  const before = named(diff.changed.map((c) => c.before));
  const after = named(diff.changed.map((c) => c.after));
  return {
    ...diff,
    added: named(diff.added),
    removed: named(diff.removed),
    changed: diff.changed.map((c, i) => ({ candidateId: c.candidateId, before: before[i]!, after: after[i]! })),
  };
}

const recordNames = (actor: Actor, ids: string[], deps: Pick<Deps, 'access'>) =>
  recordListRead(deps.access, actor, ids, {
    resource: 'intake/rotation-certificate',
    purpose: 'read a certified version of a rotation roll',
    fields: ['names', 'status'],
  });
