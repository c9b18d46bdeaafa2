import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { Field, Page, ProblemMessage } from '../components/ui';

export const CATEGORIES = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer', 'civilian'] as const;
const CONSENT_FORM = 'v1';

interface Created { id: string; caseReference: string }

/** Builds the submission from the form; optional fields are left out rather than sent empty. */
export function submissionFrom(form: FormData, now: Date) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const person: Record<string, unknown> = { names: [{ full: text('fullName') }] };
  if (text('dateOfBirth')) person.dateOfBirth = text('dateOfBirth');
  if (text('nationality')) person.nationalities = [text('nationality').toUpperCase()];
  if (text('gender')) person.gender = text('gender');
  if (text('passport')) person.documents = [{ type: 'passport', number: text('passport') }];
  if (text('serviceNumber')) person.serviceNumber = text('serviceNumber');
  return {
    nomination: { mission: text('mission'), rotation: text('rotation'), category: text('category') },
    person,
    consent: { given: form.get('consent') === 'on', formVersion: CONSENT_FORM, signedAt: now.toISOString(), method: 'electronic-signature' },
  };
}

export default function Nominate() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    if (form.get('consent') !== 'on') return setError(new Error(t('nominate.consentRequired')));
    setBusy(true);
    setError(null);
    try {
      setCreated(await api<Created>('/intake/candidates', { method: 'POST', body: submissionFrom(form, new Date()), headers: { 'idempotency-key': idempotencyKey() } }));
      element.reset();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('nominate.title')}>
      {created && (
        <p className="notice" role="status">
          {t('nominate.done', { ref: created.caseReference })} <Link to={`/candidates/${created.id}`}>{t('nominate.view')}</Link>
        </p>
      )}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('nav.nominate')}</legend>
          <div className="row">
            <Field id="mission" label={t('nominate.mission')}><input id="mission" name="mission" required maxLength={100} /></Field>
            <Field id="rotation" label={t('nominate.rotation')}><input id="rotation" name="rotation" required maxLength={100} /></Field>
            <Field id="category" label={t('nominate.category')}>
              <select id="category" name="category">{CATEGORIES.map((c) => <option key={c}>{c}</option>)}</select>
            </Field>
          </div>
          <Field id="fullName" label={t('nominate.fullName')}><input id="fullName" name="fullName" required maxLength={300} autoComplete="off" /></Field>
          <div className="row">
            <Field id="dateOfBirth" label={t('nominate.dob')}><input id="dateOfBirth" name="dateOfBirth" pattern="\d{4}(-\d{2}(-\d{2})?)?" /></Field>
            <Field id="nationality" label={t('nominate.nationality')}><input id="nationality" name="nationality" pattern="[A-Za-z]{2}" maxLength={2} /></Field>
            <Field id="gender" label={t('nominate.gender')}>
              <select id="gender" name="gender"><option value="">{t('nominate.gender.none')}</option><option>male</option><option>female</option><option>other</option></select>
            </Field>
          </div>
          <div className="row">
            <Field id="passport" label={t('nominate.document')}><input id="passport" name="passport" maxLength={50} /></Field>
            <Field id="serviceNumber" label={t('nominate.serviceNumber')}><input id="serviceNumber" name="serviceNumber" maxLength={50} /></Field>
          </div>
          <div className="field">
            <label><input type="checkbox" name="consent" id="consent" /> {t('nominate.consent', { version: CONSENT_FORM })}</label>
          </div>
        </fieldset>
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>{t('nominate.submit')}</button>
      </form>
    </Page>
  );
}
