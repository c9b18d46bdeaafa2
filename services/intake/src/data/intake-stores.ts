import type { Connection } from 'mongoose';
import { createPolicyFollower } from '@vetting/policy';
import { ensureIndexes } from '@vetting/platform';
import { createCandidateRepository } from './candidate.repository';
import { createCertificateRepository } from './certificate.repository';
import { createKeyRepository } from './key.repository';
import { createPersonalCipher } from './personal-data.cipher';
import { createUploadRepository } from './upload.repository';

/** Every store of the intake database, with its indexes created. */
export async function openIntakeStores(db: Connection, keysDir: string) {
  const cipher = createPersonalCipher(db, keysDir);
  const stores = {
    cipher,
    repository: createCandidateRepository(db, cipher),
    keys: createKeyRepository(db),
    uploads: createUploadRepository(db, cipher),
    certificates: createCertificateRepository(db),
    policies: createPolicyFollower(db),
  };
  await ensureIndexes(...Object.values(stores));
  return stores;
}
