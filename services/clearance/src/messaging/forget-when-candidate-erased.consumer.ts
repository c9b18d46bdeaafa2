import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { CaseDataCipher } from '../data/case-data.cipher';

/**
 * Intake erased the person: destroy their data key here too, so the notices' texts, their responses
 * and attachments become unreadable for good (crypto-shredding, idempotent). The case's ids,
 * outcomes, finding keys and the audit hashes stay.
 */
export function createForgetHandlers(cipher: Pick<CaseDataCipher, 'shred'>): Record<string, EventHandler> {
  return {
    'candidate.erased': async (event, ctx) => {
      const d = event.data as unknown as EventDataByType['candidate.erased'];
      const shredded = await cipher.shred(d.candidateId);
      ctx.logger.info({ candidateId: d.candidateId, shredded }, 'candidate data in clearance erased');
    },
  };
}
