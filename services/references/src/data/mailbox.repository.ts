import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { insertOnce } from '@vetting/platform';

export interface MailMessage {
  /** Deterministic per message (e.g. `<checkId>.<round>.request`): the same mail is stored once. */
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/** Outbound mail. Production plugs in a real transport; development stores messages in a mailbox. */
export interface Mailer {
  send(message: Omit<MailMessage, 'sentAt'>): Promise<void>;
}

type MessageDoc = Omit<MailMessage, 'id'> & { _id: string };

/** The development mailbox: messages stored instead of sent, readable at GET /dev/mailbox. */
export function createDevMailbox(db: Connection, now: () => Date = () => new Date()) {
  const messages = db.collection('dev_mailbox') as unknown as Collection<MessageDoc>;
  return {
    async send(message: Omit<MailMessage, 'sentAt'>) {
      const { id, ...rest } = message;
      await insertOnce(messages, { _id: id, ...rest, sentAt: now().toISOString() }); // not inserted: already sent, a job ran twice
    },
    /**
     * Deletes the mails about a candidate (their ids start with the check id, which starts with the
     * candidate id): an erased person's name must not stay in the mailbox. Returns how many.
     */
    async forget(candidateId: string): Promise<number> {
      return (await messages.deleteMany({ _id: { $gte: `${candidateId}.`, $lt: `${candidateId}/` } })).deletedCount;
    },
    async list(to?: string): Promise<MailMessage[]> {
      const docs = await messages
        .find(to ? { to } : {})
        .sort({ sentAt: 1 })
        .limit(500)
        .toArray();
      return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
    },
  };
}

export type DevMailbox = ReturnType<typeof createDevMailbox>;
