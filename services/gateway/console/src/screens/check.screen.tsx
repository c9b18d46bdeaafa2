import type { ScreeningHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { Explanation } from '../components/explanation';

type CheckResult = ScreeningHttp['Screening'];

/** Ad-hoc search of every active list before a deployment; each search is recorded. */
export default function Check() {
  const { t } = useI18n();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const names = String(form.get('names'))
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean);
    const body: Record<string, unknown> = { names, purpose: String(form.get('purpose')).trim() };
    if (form.get('dateOfBirth')) body.dateOfBirth = String(form.get('dateOfBirth')).trim();
    if (form.get('nationality')) body.nationalities = [String(form.get('nationality')).trim().toUpperCase()];
    setBusy(true);
    setError(null);
    try {
      setResult(await api<CheckResult>('/screening/checks', { method: 'POST', body }));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError && e.status === 429 ? new Error(t('check.limited', { seconds: e.retryAfter ?? 60 })) : e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('check.title')}>
      <form onSubmit={submit}>
        <Field id="names" label={t('check.names')}>
          <textarea id="names" name="names" required rows={2} />
        </Field>
        <div className="row">
          <Field id="check-dob" label={t('nominate.dob')}>
            <input id="check-dob" name="dateOfBirth" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
          </Field>
          <Field id="check-nat" label={t('nominate.nationality')}>
            <input id="check-nat" name="nationality" maxLength={2} />
          </Field>
        </div>
        <Field id="purpose" label={t('check.purpose')}>
          <input id="purpose" name="purpose" required minLength={3} maxLength={200} />
        </Field>
        <button type="submit" disabled={busy}>
          {t('app.search')}
        </button>
      </form>
      <ProblemMessage error={error} />
      {result && (
        <section aria-live="polite">
          <p className="muted">{result.listVersions.map((v) => `${v.listId} v${v.version}`).join(', ')}</p>
          {result.hits.length === 0 ? (
            <p className="notice">{t('check.noHits')}</p>
          ) : (
            result.hits.map((h) => (
              <article key={`${h.listId}/${h.entryId}`}>
                <h2>
                  <StatusBadge status={h.band} /> {h.listId} / {h.entryId} — {h.matchedName.full}
                </h2>
                <Explanation hit={h} />
              </article>
            ))
          )}
        </section>
      )}
    </Page>
  );
}
