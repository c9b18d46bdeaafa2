import {
  badRequest,
  conflict,
  createEvent,
  notFound,
  recordListRead,
  type AccessRecorder,
  type Actor,
  type Logger,
} from '@vetting/platform';
import { contactConfirmed, noVerifiedContact, type Check } from '../domain/check';
import type { AskedEmployer } from '../domain/check-plan';
import { entriesForDomain, verifiedOf } from '../domain/employer-directory';
import { endedUnsent } from '../domain/withdrawal';
import type { ReferencesContext } from '../references-context';
import { completedEvent, completeSetIfDone } from './record-result.use-case';
import { saveEmployer } from './manage-directory.use-case';

export type ContactDecision =
  | { decision: 'directory-entry'; employerId: string }
  | { decision: 'verified-contact'; contactEmail: string; verification: string; addToDirectory?: { domains?: string[] } }
  | { decision: 'no-verified-contact'; reason: string };

/**
 * GET /contact-confirmations: disclosure requests held because the directory does not know the
 * employer, oldest first, with what the office typed and directory entries whose domains hold that
 * address (hints, never applied by themselves). Reading them is recorded.
 */
export async function listContactConfirmations(ctx: ReferencesContext, access: AccessRecorder, actor: Actor, query: { limit?: number }) {
  const held = await ctx.checks.list({ state: 'awaiting-contact' }, query.limit ?? 100);
  const directory = await ctx.directory.all();
  const items = await Promise.all(
    held.map(async (c) => {
      const employer = (await ctx.answers.openSubject(c)).employer;
      return {
        checkId: c.checkId,
        candidateId: c.candidateId,
        country: c.country,
        since: c.createdAt,
        employer: {
          name: employer?.name ?? '',
          ...(employer?.role ? { role: employer.role } : {}),
          ...(employer?.country ? { country: employer.country } : {}),
          ...(employer?.from ? { from: employer.from } : {}),
          ...(employer?.to ? { to: employer.to } : {}),
        },
        ...(employer?.contactEmail ? { typedContactEmail: employer.contactEmail } : {}),
        suggestions: entriesForDomain(directory, employer?.contactEmail).map((e) => ({ employerId: e.employerId, name: e.name })),
      };
    }),
  );
  const people = items.map((i) => i.candidateId);
  await recordListRead(access, actor, people, {
    resource: 'references/contact-confirmations',
    purpose: 'confirm referee contacts',
    fields: ['employer'],
  });
  return { items };
}

const NOT_AWAITING: Partial<Record<Check['state'], string>> = {
  superseded: 'A corrected nomination superseded this request: confirm the newest revision’s request',
  withdrawn: 'The office withdrew this nomination: nothing is sent for it',
};
/** 409 naming the state: the contact is settled, a corrected nomination superseded the request, or the nomination was withdrawn. */
const notAwaiting = (c: Check) =>
  conflict('CONTACT.NOT_AWAITING', NOT_AWAITING[c.state] ?? `The check is ${c.state}: its contact is settled`, { state: c.state });

async function confirmedEmployer(
  ctx: ReferencesContext,
  actor: Actor,
  employer: AskedEmployer,
  input: Exclude<ContactDecision, { decision: 'no-verified-contact' }>,
  key: string,
) {
  if (input.decision === 'directory-entry') {
    const entry = await ctx.directory.get(input.employerId);
    if (!entry || entry.status !== 'active' || !entry.contacts[0])
      throw badRequest('CONTACT.UNKNOWN_EMPLOYER', 'Not an active directory entry with a contact', [
        { field: 'body/employerId', reason: 'is not an active employer with a verified contact' },
      ]);
    return {
      employer: { ...employer, directoryId: entry.employerId, requestTo: entry.contacts[0].email, verified: verifiedOf(entry) },
      organisation: `employer:${entry.employerId}`,
    };
  }
  const email = input.contactEmail.trim().toLowerCase();
  const domains = input.addToDirectory?.domains ?? [];
  let directoryId: string | undefined;
  if (input.addToDirectory) {
    const saved = await saveEmployer(
      actor,
      {
        name: employer.name,
        ...(employer.country ? { country: employer.country } : {}),
        domains,
        contacts: [{ email }],
        verification: input.verification,
      },
      ctx,
      undefined,
      `add:${key}`,
    );
    directoryId = saved.employerId;
  }
  const verified = { emails: [email], domains: domains.map((d) => d.toLowerCase()) };
  return {
    employer: {
      ...employer,
      ...(directoryId ? { directoryId } : {}),
      requestTo: email,
      verified,
      confirmedBy: actor.id,
      verification: input.verification,
    },
    organisation: `employer:${directoryId ?? ctx.answers.employerKey(email.split('@')[1] ?? email)}`,
  };
}

/**
 * POST /contact-confirmations/{checkId}: a UN screening officer says where a held disclosure request
 * goes — a directory entry, or a contact they verified themselves (optionally adding the employer to
 * the directory) — and it is sent; or that no contact could be verified, and the check ends as a
 * finding for the adjudicator. Once per check; published (`reference.contact-confirmed`) with who decided.
 */
export async function confirmContact(
  ctx: ReferencesContext,
  actor: Actor,
  checkId: string,
  input: ContactDecision,
  key: string,
  logger?: Logger,
) {
  const check = await ctx.checks.load(checkId);
  if (!check) throw notFound('CHECK.NOT_FOUND', `No check ${checkId}`);
  if (check.state !== 'awaiting-contact') throw notAwaiting(check);
  const subject = await ctx.answers.openSubject(check);
  const now = ctx.now();
  const decided = (next: Check, extra: Record<string, unknown> = {}) =>
    createEvent('references', {
      type: 'reference.contact-confirmed',
      subject: next.candidateId,
      tenant: next.country,
      data: { candidateId: next.candidateId, country: next.country, checkId, decision: input.decision, confirmedBy: actor.id, ...extra },
    });
  if (input.decision === 'no-verified-contact') {
    const outcome = await ctx.checks.apply(checkId, `contact:${checkId}`, (c) => {
      const next = noVerifiedContact(c, input.reason, now);
      return next ? { state: next, events: [decided(next), completedEvent(next)] } : undefined;
    });
    if (outcome.outcome === 'applied') ctx.onEvents();
    const stored = outcome.revision?.state ?? (await ctx.checks.load(checkId));
    if (stored && endedUnsent(stored.state)) throw notAwaiting(stored);
    if (stored?.state === 'completed') await completeSetIfDone(ctx, stored.setId, stored);
    return stored!;
  }
  const { employer, organisation } = await confirmedEmployer(ctx, actor, subject.employer ?? { name: '' }, input, key);
  const [sealed] = await ctx.answers.sealSubjects([{ setId: check.setId, checkId, subject: { ...subject, employer } }]);
  const outcome = await ctx.checks.apply(checkId, `contact:${checkId}`, (c) => {
    const next = contactConfirmed(c, sealed!, organisation, now);
    return next ? { state: next, events: [decided(next, employer.directoryId ? { employerId: employer.directoryId } : {})] } : undefined;
  });
  if (outcome.outcome === 'applied') ctx.onEvents();
  // Superseded by a corrected nomination or withdrawn with it between the read and the write: nothing is sent for it.
  const latest = outcome.revision?.state ?? (await ctx.checks.load(checkId))!;
  if (endedUnsent(latest.state)) throw notAwaiting(latest);
  try {
    await ctx.producer.enqueueMany([{ checkId, checkType: check.checkType }]);
  } catch (error) {
    logger?.warn({ err: error, checkId }, 'confirmed check not enqueued now; the sweeper will enqueue it');
  }
  return latest;
}
