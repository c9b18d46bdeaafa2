import type { Connection } from 'mongoose';
import { createPolicyFollower, type PolicyFollower } from '@vetting/policy';
import { checkMailConfig, keysDirOf, type ReferencesConfig } from './config';
import { createAnswerCipher, type AnswerCipher } from './data/answer.cipher';
import { createCheckRepository, type CheckRepository } from './data/check.repository';
import { createEmployerDirectory, type EmployerDirectory } from './data/employer-directory.repository';
import { createDevMailbox, type DevMailbox, type Mailer } from './data/mailbox.repository';
import { createRefereeLinkRepository, type RefereeLinkRepository } from './data/referee-token.repository';
import { createReferenceSetRepository, type ReferenceSetRepository } from './data/reference-set.repository';
import { createSmtpMailer } from './mail/smtp.mailer';
import { createCheckProducer, type CheckProducer } from './worker/queues';

/** What the service's use cases, its HTTP handlers and its workers share. */
export interface ReferencesContext {
  config: ReferencesConfig;
  /** The vetting policy versions clearance published (newest first used); the built-in rules before any arrived. */
  policies: PolicyFollower;
  /** Employers whose HR contacts a UN screening officer verified: where disclosure requests go. */
  directory: EmployerDirectory;
  checks: CheckRepository;
  sets: ReferenceSetRepository;
  links: RefereeLinkRepository;
  mailbox: DevMailbox;
  mailer: Mailer;
  /** Seals and opens referee answers (field-level encryption). */
  answers: AnswerCipher;
  producer: CheckProducer;
  /** Where referees and authorities reach this service. */
  publicUrl: () => string;
  now: () => Date;
  /** Wakes the outbox relay after a write that carries events. */
  onEvents: () => void;
}

export async function createReferencesContext(
  config: ReferencesConfig,
  db: Connection,
  publicUrl: () => string,
  /** The worker's: check views written in the background (see createCheckRepository). */
  options: { checkViewsInBackground?: boolean } = {},
): Promise<ReferencesContext> {
  const checks = createCheckRepository(db, { viewInBackground: options.checkViewsInBackground ?? false });
  const sets = createReferenceSetRepository(db);
  const policies = createPolicyFollower(db);
  const directory = createEmployerDirectory(db);
  const links = createRefereeLinkRepository(db);
  await Promise.all([
    checks.ensureIndexes(),
    sets.ensureIndexes(),
    policies.ensureIndexes(),
    directory.ensureIndexes(),
    links.ensureIndexes(),
  ]);
  const mailbox = createDevMailbox(db);
  checkMailConfig(config);
  const answers = createAnswerCipher(db, keysDirOf(config));
  await answers.ensureIndexes();
  // Tests and development use the mailbox (readable at GET /dev/mailbox); production sends over SMTP.
  const mailer = config.MAIL_TRANSPORT === 'smtp' ? createSmtpMailer(db, { url: config.SMTP_URL!, from: config.MAIL_FROM }) : mailbox;
  return {
    config,
    policies,
    directory,
    checks,
    sets,
    links,
    mailbox,
    mailer,
    answers,
    producer: await createCheckProducer(config),
    publicUrl,
    now: () => new Date(),
    onEvents: () => undefined,
  };
}
