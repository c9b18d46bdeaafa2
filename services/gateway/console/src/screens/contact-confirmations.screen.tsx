import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage } from '../components/ui';

interface Held {
  checkId: string;
  candidateId: string;
  country: string;
  since: string;
  employer: { name: string; role?: string; country?: string; from?: string; to?: string };
  typedContactEmail?: string;
  suggestions: { employerId: string; name: string }[];
}
type Decision = 'directory-entry' | 'verified-contact' | 'no-verified-contact';

/** What an officer's choice sends (contracts/openapi/references.yaml confirmContact). */
export function confirmationFrom(decision: Decision, form: FormData) {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  if (decision === 'directory-entry') return { decision, employerId: text('employerId') };
  if (decision === 'no-verified-contact') return { decision, reason: text('reason') };
  const domains = text('domains')
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  return {
    decision,
    contactEmail: text('contactEmail'),
    verification: text('verification'),
    ...(form.get('addToDirectory') === 'on' ? { addToDirectory: domains.length ? { domains } : {} } : {}),
  };
}

/**
 * Disclosure requests held because the directory does not know the employer: nothing is sent until a
 * UN screening officer says where it goes (a directory entry, an address they verified, or nowhere).
 * The address the office typed is shown as a lead, never used as it is.
 */
export default function ContactConfirmations() {
  const { t, date } = useI18n();
  const queue = useResource('contact-confirmations', () =>
    api<{ items: Held[] }>('/references/contact-confirmations', { query: { limit: 100 } }),
  );
  return (
    <Page title={t('contacts.title')}>
      <p>{t('contacts.intro')}</p>
      <button type="button" className="secondary" onClick={queue.reload}>
        {t('app.refresh')}
      </button>
      <Loading when={queue.loading} />
      <ProblemMessage error={queue.error} />
      <Empty when={queue.data?.items.length === 0} />
      {queue.data?.items.map((item) => (
        <HeldRequest key={item.checkId} item={item} onDone={queue.reload} since={date(item.since)} />
      ))}
    </Page>
  );
}

function HeldRequest({ item, since, onDone }: { item: Held; since: string; onDone(): void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<Decision>(item.suggestions.length ? 'directory-entry' : 'verified-contact');
  const [error, setError] = useState<unknown>(null);
  const id = item.checkId.replace(/[^\w-]/g, '_');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      await api(`/references/contact-confirmations/${encodeURIComponent(item.checkId)}`, {
        method: 'POST',
        body: confirmationFrom(decision, new FormData(event.currentTarget)),
        headers: { 'idempotency-key': idempotencyKey() },
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const e = item.employer;
  return (
    <article className="panel held" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {e.name}
        {e.country ? ` (${e.country})` : ''}
      </h2>
      <p>
        <Link to={`/adjudications/${encodeURIComponent(item.candidateId)}`}>{item.candidateId}</Link> · {item.country} ·{' '}
        {t('contacts.since', { date: since })}
        {e.role ? ` · ${e.role}` : ''}
        {e.from ? ` · ${e.from} – ${e.to ?? '…'}` : ''}
      </p>
      {item.typedContactEmail && (
        <p>
          {t('contacts.typed')} <code>{item.typedContactEmail}</code>
        </p>
      )}
      <form onSubmit={submit}>
        <fieldset className="question">
          <legend>{t('contacts.where')}</legend>
          {(['directory-entry', 'verified-contact', 'no-verified-contact'] as const).map((d) => (
            <label key={d}>
              <input
                type="radio"
                name={`${id}-decision`}
                checked={decision === d}
                onChange={() => setDecision(d)}
                disabled={d === 'directory-entry' && !item.suggestions.length}
              />{' '}
              {t(`contacts.decision.${d}`)}
            </label>
          ))}
        </fieldset>
        {decision === 'directory-entry' && (
          <Field id={`${id}-entry`} label={t('contacts.entry')}>
            <select id={`${id}-entry`} name="employerId" required>
              {item.suggestions.map((s) => (
                <option key={s.employerId} value={s.employerId}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {decision === 'verified-contact' && (
          <>
            <Field id={`${id}-email`} label={t('contacts.email')}>
              <input id={`${id}-email`} name="contactEmail" type="email" required maxLength={254} />
            </Field>
            <Field id={`${id}-how`} label={t('contacts.how')}>
              <textarea id={`${id}-how`} name="verification" required minLength={10} maxLength={2000} rows={2} />
            </Field>
            <label>
              <input type="checkbox" name="addToDirectory" /> {t('contacts.addToDirectory')}
            </label>
            <Field id={`${id}-domains`} label={t('directory.domains')}>
              <input id={`${id}-domains`} name="domains" />
            </Field>
          </>
        )}
        {decision === 'no-verified-contact' && (
          <Field id={`${id}-reason`} label={t('contacts.reason')}>
            <textarea id={`${id}-reason`} name="reason" required maxLength={2000} rows={2} />
          </Field>
        )}
        <ProblemMessage error={error} />
        <button type="submit">{t('contacts.decide')}</button>
      </form>
    </article>
  );
}
