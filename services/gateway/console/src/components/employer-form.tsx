import type { ReferencesHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field, ProblemMessage } from './ui';
import { CountrySelect } from './countries';
import { Repeater, rowsOf } from './repeater';

export type Employer = ReferencesHttp['Employer'];

const list = (value: string) =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/** A directory entry from the form: names, verified contacts and domains, and how they were verified. */
export function employerFrom(form: FormData, editing: boolean) {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const contacts = rowsOf(form, 'contacts')
    .filter((c) => c.email)
    .map((c) => ({ email: c.email!, ...(c.name ? { name: c.name } : {}), ...(c.role ? { role: c.role } : {}) }));
  return {
    name: text('name'),
    ...(list(text('aliases')).length ? { aliases: list(text('aliases')) } : {}),
    ...(text('country') ? { country: text('country') } : {}),
    ...(list(text('domains')).length ? { domains: list(text('domains')) } : {}),
    contacts,
    verification: text('verification'),
    ...(editing ? { status: form.get('retired') === 'on' ? 'retired' : 'active' } : {}),
  };
}

/** Adds an employer to the directory or records a new version of one (`employer` given). */
export function EmployerForm({ employer, onSaved }: { employer?: Employer; onSaved(saved: Employer): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const contacts = employer?.contacts ?? [];
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = employerFrom(new FormData(event.currentTarget), Boolean(employer));
    setError(null);
    try {
      const path = employer ? `/references/employers/${employer.employerId}` : '/references/employers';
      onSaved(await api<Employer>(path, { method: employer ? 'PUT' : 'POST', body, headers: { 'idempotency-key': idempotencyKey() } }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={submit} aria-label={employer ? t('directory.edit', { name: employer.name }) : t('directory.add')}>
      <div className="row">
        <Field id="emp-name" label={t('directory.name')}>
          <input id="emp-name" name="name" required maxLength={200} defaultValue={employer?.name} />
        </Field>
        <Field id="emp-aliases" label={t('directory.aliases')}>
          <input id="emp-aliases" name="aliases" defaultValue={employer?.aliases.join('; ')} />
        </Field>
        <Field id="emp-country" label={t('history.country')}>
          <CountrySelect id="emp-country" name="country" defaultValue={employer?.country} />
        </Field>
      </div>
      <Field id="emp-domains" label={t('directory.domains')} hint={t('directory.domainsHint')}>
        <input id="emp-domains" name="domains" defaultValue={employer?.domains.join('; ')} aria-describedby="emp-domains-hint" />
      </Field>
      <Repeater
        legend={t('directory.contacts')}
        hint={t('directory.contactsHint')}
        item={t('directory.contact')}
        add={t('directory.addContact')}
        min={1}
        initial={Math.max(1, contacts.length)}
        max={10}
      >
        {(key) => (
          <>
            <Field id={`contact-email-${key}`} label={t('directory.email')}>
              <input
                id={`contact-email-${key}`}
                name={`contacts[${key}].email`}
                type="email"
                required
                maxLength={254}
                defaultValue={contacts[key]?.email}
              />
            </Field>
            <Field id={`contact-name-${key}`} label={t('directory.contactName')}>
              <input id={`contact-name-${key}`} name={`contacts[${key}].name`} maxLength={200} defaultValue={contacts[key]?.name} />
            </Field>
            <Field id={`contact-role-${key}`} label={t('history.role')}>
              <input id={`contact-role-${key}`} name={`contacts[${key}].role`} maxLength={200} defaultValue={contacts[key]?.role} />
            </Field>
          </>
        )}
      </Repeater>
      <Field id="emp-verification" label={t('directory.verification')}>
        <textarea id="emp-verification" name="verification" required minLength={10} maxLength={2000} rows={2} />
      </Field>
      {employer && (
        <label>
          <input type="checkbox" name="retired" defaultChecked={employer.status === 'retired'} /> {t('directory.retire')}
        </label>
      )}
      <ProblemMessage error={error} />
      <button type="submit">{employer ? t('directory.saveVersion') : t('directory.addButton')}</button>
    </form>
  );
}
