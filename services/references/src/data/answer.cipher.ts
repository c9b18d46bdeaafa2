import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { createHmac } from 'node:crypto';
import { createFieldCipher, loadKeyring, loadOrCreateSecretKey, type EncryptedField } from '@vetting/platform';
import type { Check, RefereeAnswerRecord } from '../domain/check';
import type { CheckSubject } from '../domain/check-plan';

/**
 * Check subjects (who is checked: name, date of birth, service number, employer contact) and referee answers (the MDS yes/no answers, the allegation details, who answered) sealed with the
 * platform field cipher: AES-256-GCM under a data key of the reference set (`<candidate>.<revision>`),
 * bound to the check id, stored as JSON text. Only the result (`adverse`, `no-adverse`) stays in
 * clear for the workflow. Destroying a set's data key (`shred`: retention, the person's erasure)
 * makes every answer of that set unreadable for good while ids, results and audit hashes stay.
 */
export function createAnswerCipher(db: Connection, keysDir: string) {
  const cipher = createFieldCipher(db, loadKeyring(join(keysDir, 'references-keyring.json')));
  const organisationKey = loadOrCreateSecretKey(join(keysDir, 'references-organisation.key'));
  const field = (checkId: string) => `referee-answer:${checkId}`;
  const subjectField = (checkId: string) => `check-subject:${checkId}`;
  const tokenField = (checkId: string, round: number) => `referee-token:${checkId}#${round}`;
  const revisionField = (checkId: string, rev: number) => `check-revision:${checkId}#${rev}`;
  return {
    ensureIndexes: () => cipher.ensureIndexes(),
    async seal(setId: string, checkId: string, answer: RefereeAnswerRecord): Promise<string> {
      return JSON.stringify(await cipher.encrypt(setId, field(checkId), JSON.stringify(answer)));
    },
    /** Throws CRYPTO.ERASED (410) when the set's key was destroyed. */
    async open(checkId: string, sealed: string): Promise<RefereeAnswerRecord> {
      return JSON.parse(await cipher.decrypt(field(checkId), JSON.parse(sealed) as EncryptedField)) as RefereeAnswerRecord;
    },
    /**
     * Seals the subjects (name, date of birth, service number, employer contact) of many checks
     * under their sets' data keys: one insert for the keys of new sets, whatever the number.
     */
    async sealSubjects(items: { setId: string; checkId: string; subject: CheckSubject }[]): Promise<string[]> {
      const sealed = await cipher.encryptMany(
        items.map((i) => ({ subject: i.setId, field: subjectField(i.checkId), value: JSON.stringify(i.subject) })),
        { cache: true }, // the checks' job copies are sealed next (sealRevisions)
      );
      return sealed.map((s) => JSON.stringify(s));
    },
    /**
     * Seals a stored revision of each check for its job: the queue holds the check (which employer is
     * asked about whom) only under the set's data key, so an erasure reaches the queue too.
     */
    async sealRevisions(items: { check: Check; rev: number }[]): Promise<string[]> {
      const sealed = await cipher.encryptMany(
        items.map((i) => ({ subject: i.check.setId, field: revisionField(i.check.checkId, i.rev), value: JSON.stringify(i.check) })),
      );
      return sealed.map((s) => JSON.stringify(s));
    },
    /** A revision sealed for a job (sealRevisions). Throws CRYPTO.ERASED (410) once its set is shredded. */
    async openRevision(checkId: string, rev: number, sealed: string): Promise<Check> {
      return JSON.parse(await cipher.decrypt(revisionField(checkId, rev), JSON.parse(sealed) as EncryptedField)) as Check;
    },
    /** The subject of a check (checks stored before subjects were sealed carry it in clear). Throws CRYPTO.ERASED (410) once its set is shredded. */
    async openSubject(check: Pick<Check, 'checkId' | 'sealedSubject' | 'subject'>): Promise<CheckSubject> {
      if (!check.sealedSubject) return check.subject ?? { name: '' };
      return JSON.parse(
        await cipher.decrypt(subjectField(check.checkId), JSON.parse(check.sealedSubject) as EncryptedField),
      ) as CheckSubject;
    },
    /** A prior employer's organisation pseudonym (HMAC of its mail domain): the same for every candidate, meaningless without the key. */
    employerKey: (domain: string) =>
      createHmac('sha256', organisationKey).update(domain.toLowerCase(), 'utf8').digest('base64url').slice(0, 22),
    /** A referee link's token, sealed for the reminders and reruns that send the same link again. */
    async sealToken(setId: string, checkId: string, round: number, token: string): Promise<string> {
      return JSON.stringify(await cipher.encrypt(setId, tokenField(checkId, round), token));
    },
    /** Throws CRYPTO.ERASED (410) once the set's key is destroyed. */
    openToken: (checkId: string, round: number, sealed: string) =>
      cipher.decrypt(tokenField(checkId, round), JSON.parse(sealed) as EncryptedField),
    /** Crypto-shredding of one set's answers, check subjects and link tokens; true when a key was destroyed now. */
    shred: (setId: string) => cipher.shred(setId),
  };
}

export type AnswerCipher = ReturnType<typeof createAnswerCipher>;
