import { useState, type FormEvent, type ReactNode } from 'react';
import { api, idempotencyKey } from '../api/client';
import type { CandidateView } from '../api/types';
import { navigate } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage } from '../components/ui';
import { NominationFields } from '../components/nomination/nomination-fields';
import { PersonFields } from '../components/nomination/person-fields';
import { HistoryFields } from '../components/nomination/history-fields';
import { DeclarationFields } from '../components/nomination/declaration-fields';
import { ConsentFields } from '../components/nomination/consent-fields';
import { declarationFrom, employmentDeclarationFrom, personFrom, signedFrom } from '../components/nomination/submission';
import { EmploymentDeclarationFields } from '../components/nomination/employment-declaration-fields';
import { todayUtc, useConfiguredForms } from '../components/nomination/use-forms';

type Section = 'nomination' | 'person' | 'consent' | 'selfDeclaration' | 'employmentDeclaration';

/** The section of a correction a form sends: only that section replaces the stored one. */
export function correctionFrom(section: Section, form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  if (section === 'nomination') return { nomination: { mission: text('mission'), rotation: text('rotation'), category: text('category') } };
  if (section === 'person') return { person: personFrom(form) };
  if (section === 'consent') return { consent: { given: form.get('consent.given') === 'on', ...signedFrom(form, 'consent') } };
  if (section === 'employmentDeclaration') return { employmentDeclaration: employmentDeclarationFrom(form) };
  return { selfDeclaration: declarationFrom(form) };
}

/**
 * Corrects a nomination section by section (a new revision each time; screening runs again). Each
 * form sends its section only, so correcting the rotation never resends the person, and a section is
 * replaced only with what is typed into it.
 */
export default function Correct({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const id = params.id!;
  const candidate = useResource(id, () => api<CandidateView>(`/intake/candidates/${encodeURIComponent(id)}`));
  const forms = useConfiguredForms();
  const c = candidate.data;
  const today = todayUtc();
  return (
    <Page title={t('correct.title', { name: c?.displayName ?? '' })}>
      <p>{t('correct.intro')}</p>
      <Loading when={candidate.loading || forms.loading} />
      <ProblemMessage error={candidate.error ?? forms.error} />
      {c && forms.data && (
        <>
          <SectionForm id={id} section="nomination" title={t('nominate.where')}>
            <NominationFields nomination={c.nomination} />
          </SectionForm>
          <SectionForm id={id} section="person" title={t('person.title')}>
            <PersonFields person={c.person} />
            <HistoryFields employers={c.person?.previousEmployers} />
          </SectionForm>
          <SectionForm id={id} section="employmentDeclaration" title={t('employmentDeclaration.title')}>
            <EmploymentDeclarationFields forms={forms.data.employmentDeclaration} today={today} />
          </SectionForm>
          <SectionForm id={id} section="selfDeclaration" title={t('declaration.title')}>
            <DeclarationFields forms={forms.data.selfDeclaration} today={today} />
          </SectionForm>
          <SectionForm id={id} section="consent" title={t('consent.title')}>
            <ConsentFields forms={forms.data.consent} today={today} />
          </SectionForm>
        </>
      )}
    </Page>
  );
}

function SectionForm({ id, section, title, children }: { id: string; section: Section; title: string; children: ReactNode }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = correctionFrom(section, new FormData(event.currentTarget));
    if (Object.values(body)[0] === undefined) return setError(new Error(t('correct.nothing')));
    setBusy(true);
    setError(null);
    try {
      await api(`/intake/candidates/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body,
        headers: { 'idempotency-key': idempotencyKey() },
      });
      navigate(`/candidates/${encodeURIComponent(id)}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <form onSubmit={submit}>
        {children}
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>
          {t('correct.save', { section: title })}
        </button>
      </form>
    </section>
  );
}
