import type { Connection } from 'mongoose';
import { ensureIndexes } from '@vetting/platform';
import { createBundleRepository } from './bundle.repository';
import { createCheckRepository } from './check.repository';
import { createListRepository } from './list.repository';
import { createPendingVersionRepository } from './pending-version.repository';
import { createRescreenRepository } from './rescreen.repository';
import { createResolutionRepository } from './resolution.repository';
import { createScreeningCipher } from './screening.cipher';
import { createScreeningRepository } from './screening.repository';
import { createSubjectRepository } from './subject.repository';

/** Every store of the screening database, with its indexes created. */
export async function openScreeningStores(db: Connection, keysDir: string) {
  const cipher = createScreeningCipher(db, keysDir);
  const stores = {
    cipher,
    repository: createListRepository(db),
    proposals: createPendingVersionRepository(db),
    screenings: createScreeningRepository(db, cipher),
    subjects: createSubjectRepository(db, cipher),
    resolutions: createResolutionRepository(db, cipher),
    rescreens: createRescreenRepository(db),
    checks: createCheckRepository(db),
    bundles: createBundleRepository(db),
  };
  await ensureIndexes(...Object.values(stores));
  return stores;
}
