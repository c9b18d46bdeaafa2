import nodemailer from 'nodemailer';
import type { Connection } from 'mongoose';
import type { Collection, Document } from 'mongodb';
import type { MailMessage, Mailer } from '../data/mailbox.repository';
import { insertOnce } from '@vetting/platform';

/**
 * Outbound mail over SMTP (nodemailer). Jobs run at least once, so a mail may be asked for twice:
 * the log of sent message ids (`mail_sent`, insert-once by the message's deterministic id) skips a
 * mail already sent, and the Message-ID header is derived from the same id, so the rare resend
 * (crash between the SMTP hand-over and the log) is recognisable as the same mail by the receiver.
 * The log keeps no body and no address: the text names the candidate, the address their employer.
 */
export function createSmtpMailer(
  db: Connection,
  options: { url: string; from: string; domain?: string },
  now: () => Date = () => new Date(),
): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(options.url);
  const sent = db.collection('mail_sent') as unknown as Collection<Document>;
  const domain = options.domain ?? 'references.vetting';
  return {
    async send(message: Omit<MailMessage, 'sentAt'>) {
      if (await sent.findOne({ _id: message.id as never })) return;
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.id}@${domain}>`,
      });
      await insertOnce(sent, { _id: message.id, sentAt: now().toISOString() });
    },
    close: () => transport.close(),
  };
}
