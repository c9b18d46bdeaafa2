import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, type EventEnvelope } from '@vetting/platform';
import { storedMember, type RotationCertificate } from '../domain/rotation-certificate';

type CertificateDoc = RotationCertificate & { _id: string; outbox: EventEnvelope[]; outboxPending: boolean };

/**
 * Rotation certificates: written once, never changed (a re-certification is a new version). The
 * unique _id (`<country>:<rotation>:v<n>`) makes two concurrent certifications of one version store
 * one; the rotation.certified event rides in the same insert (outbox).
 */
export function createCertificateRepository(db: Connection) {
  const certificates = db.collection('rotation_certificates') as unknown as Collection<CertificateDoc>;
  const strip = ({ _id: _i, outbox: _o, outboxPending: _p, ...rest }: CertificateDoc & { publishedAt?: string }): RotationCertificate => {
    const { publishedAt: _pa, ...cert } = rest as RotationCertificate & { publishedAt?: string };
    return cert;
  };
  return {
    collection: certificates as unknown as Collection,
    ensureIndexes: () => certificates.createIndex({ country: 1, rotation: 1, version: -1 }),

    async latest(country: string, rotation: string): Promise<RotationCertificate | undefined> {
      const doc = await certificates.find({ country, rotation }).sort({ version: -1 }).limit(1).next();
      return doc ? strip(doc) : undefined;
    },

    /** Stores the certificate with its event; false when that version exists already. Read certificates come back without names (`withNames`). */
    async insert(cert: RotationCertificate, events: EventEnvelope[]): Promise<boolean> {
      try {
        // Members without their names: the stored certificate holds case references and ids only.
        await certificates.insertOne({ ...cert, members: cert.members.map(storedMember) as RotationCertificate['members'], _id: `${cert.country}:${cert.rotation}:v${cert.version}`, ...initialOutbox(events) });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
  };
}

export type CertificateRepository = ReturnType<typeof createCertificateRepository>;
