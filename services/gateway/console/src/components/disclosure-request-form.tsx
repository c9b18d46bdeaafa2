import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { useResource } from './use-resource';
import { useI18n } from '../i18n/i18n';
import { CountrySelect } from './countries';
import { Field, ProblemMessage } from './ui';

type Org = { organisationId: string; name: string; domains: string[] };

/**
 * Records a disclosure request as it arrived: a UN officer for the UN; an office (fixed to its
 * country) for a national-service period of its own nationals. The requester is one of the employer
 * directory's organisations; its contact must write from a verified domain.
 */
export function DisclosureRequestForm({ office, onSent }: { office?: string; onSent: (id: string, reference: string) => void }) {
  const { t } = useI18n();
  const orgs = useResource('orgs', () => api<{ items: Org[] }>('/accountability/disclosure-requests/organisations'));
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(idempotencyKey);
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optional = (name: string) => (text(name) ? { [name]: text(name) } : {});
    setError(null);
    try {
      const country = office ?? text('country');
      const body = {
        addressedTo: office ? office : text('addressedTo') === 'country' ? country : 'UN',
        candidateId: text('candidateId'),
        country,
        requester: {
          organisationId: text('organisationId'),
          contactName: text('contactName'),
          contactEmail: text('contactEmail'),
          ...optional('theirReference'),
        },
        person: { fullName: text('fullName'), ...optional('dateOfBirth'), ...optional('identifiers'), ...optional('periods') },
      };
      const sent = await api<{ id: string; reference: string }>('/accountability/disclosure-requests', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body,
      });
      setKey(idempotencyKey());
      onSent(sent.id, sent.reference);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={send}>
      <h2>{t('mds.record')}</h2>
      <p className="muted">{office ? t('mds.officeRecords', { country: office }) : t('mds.unRecords')}</p>
      <div className="row">
        {!office && (
          <Field id="mds-addressed" label={t('mds.addressedTo')}>
            <select id="mds-addressed" name="addressedTo" defaultValue="UN">
              <option value="UN">{t('mds.toUn')}</option>
              <option value="country">{t('mds.toCountry')}</option>
            </select>
          </Field>
        )}
        {!office && (
          <Field id="mds-country" label={t('mds.country')}>
            <CountrySelect id="mds-country" name="country" required />
          </Field>
        )}
        <Field id="mds-candidate" label={t('mds.candidateId')}>
          <input id="mds-candidate" name="candidateId" required maxLength={100} />
        </Field>
      </div>
      <fieldset>
        <legend>{t('mds.requester')}</legend>
        <div className="row">
          <Field id="mds-org" label={t('mds.organisation')} hint={t('mds.organisationHint')}>
            <select id="mds-org" name="organisationId" required defaultValue="" aria-describedby="mds-org-hint">
              <option value="" disabled>
                {t('form.choose')}
              </option>
              {orgs.data?.items.map((o) => (
                <option key={o.organisationId} value={o.organisationId}>
                  {o.name} ({o.domains.join(', ')})
                </option>
              ))}
            </select>
          </Field>
          <Field id="mds-contact" label={t('mds.contactName')}>
            <input id="mds-contact" name="contactName" required minLength={2} maxLength={200} />
          </Field>
          <Field id="mds-email" label={t('mds.contactEmail')}>
            <input id="mds-email" name="contactEmail" type="email" required maxLength={254} />
          </Field>
          <Field id="mds-theirs" label={t('mds.theirReference')}>
            <input id="mds-theirs" name="theirReference" maxLength={100} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('mds.person')}</legend>
        <div className="row">
          <Field id="mds-name" label={t('mds.fullName')}>
            <input id="mds-name" name="fullName" required minLength={2} maxLength={200} />
          </Field>
          <Field id="mds-dob" label={t('mds.dateOfBirth')}>
            <input id="mds-dob" name="dateOfBirth" type="date" />
          </Field>
          <Field id="mds-ids" label={t('mds.identifiers')}>
            <input id="mds-ids" name="identifiers" maxLength={500} />
          </Field>
        </div>
        <Field id="mds-periods" label={t('mds.periods')}>
          <textarea id="mds-periods" name="periods" rows={2} maxLength={1000} />
        </Field>
      </fieldset>
      <ProblemMessage error={error} />
      <button type="submit">{t('mds.receive')}</button>
    </form>
  );
}
