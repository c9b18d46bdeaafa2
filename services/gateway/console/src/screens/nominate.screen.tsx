import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { Loading, Page, ProblemMessage } from '../components/ui';
import { NominationFields } from '../components/nomination/nomination-fields';
import { PersonFields } from '../components/nomination/person-fields';
import { HistoryFields } from '../components/nomination/history-fields';
import { DeclarationFields } from '../components/nomination/declaration-fields';
import { ConsentFields } from '../components/nomination/consent-fields';
import { EmploymentDeclarationFields } from '../components/nomination/employment-declaration-fields';
import { submissionFrom } from '../components/nomination/submission';
import { todayUtc, useConfiguredForms } from '../components/nomination/use-forms';

interface Created {
  id: string;
  caseReference: string;
}

/**
 * One nomination with everything the vetting needs: the person under every name and script, their
 * documents and employers, the self-declaration and the consent as recorded. What is sent is what was
 * entered: no field is filled in for the user.
 */
export default function Nominate() {
  const { t } = useI18n();
  const forms = useConfiguredForms();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(
        await api<Created>('/intake/candidates', {
          method: 'POST',
          body: submissionFrom(new FormData(event.currentTarget)),
          headers: { 'idempotency-key': idempotencyKey() },
        }),
      );
      setGeneration((g) => g + 1); // a fresh, empty form (rows added for the last person go too)
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const today = todayUtc();
  return (
    <Page title={t('nominate.title')}>
      {created && (
        <p className="notice" role="status">
          {t('nominate.done', { ref: created.caseReference })} <Link to={`/candidates/${created.id}`}>{t('nominate.view')}</Link>
        </p>
      )}
      <Loading when={forms.loading} />
      <ProblemMessage error={forms.error} />
      {forms.data && (
        <form key={generation} onSubmit={submit}>
          <NominationFields />
          <h2>{t('person.title')}</h2>
          <PersonFields />
          <HistoryFields />
          <EmploymentDeclarationFields forms={forms.data.employmentDeclaration} today={today} />
          <DeclarationFields forms={forms.data.selfDeclaration} today={today} />
          <ConsentFields forms={forms.data.consent} today={today} />
          <ProblemMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('nominate.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
