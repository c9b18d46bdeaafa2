import type { ReferencesHttp } from '@vetting/contracts/http';
import { useState } from 'react';
import { api } from '../api/client';
import { Link, navigate, useLocation } from '../app/router';
import { textOr, useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

type Check = ReferencesHttp['Check'];

const STATES = ['failed', 'awaiting-contact', 'awaiting-answer', 'requested', 'completed', 'superseded', 'withdrawn'] as const;

/** Reference and record checks by state; a failed one is sent again by an operator (a new round of attempts). */
export default function FailedChecks() {
  const { t, date } = useI18n();
  const { query } = useLocation();
  const state = STATES.find((s) => s === query.get('state')) ?? 'failed';
  const checks = useResource(`checks/${state}`, () => api<{ items: Check[] }>('/references/checks', { query: { state, limit: 200 } }));
  const [retried, setRetried] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const retry = async (check: Check) => {
    setError(null);
    try {
      const again = await api<Check>(`/references/checks/${encodeURIComponent(check.checkId)}/retry`, { method: 'POST' });
      setRetried((r) => ({ ...r, [check.checkId]: t('checks.retried', { round: again.round }) }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title={t('checks.title')}>
      <div className="filters">
        <Field id="checks-state" label={t('checks.state')}>
          <select id="checks-state" value={state} onChange={(e) => navigate(`/checks?state=${e.target.value}`)}>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`checks.state.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <button type="button" className="secondary" onClick={checks.reload}>
            {t('app.refresh')}
          </button>
        </div>
      </div>
      <Loading when={checks.loading} />
      <ProblemMessage error={checks.error ?? error} />
      <Empty when={checks.data?.items.length === 0} />
      {checks.data && checks.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('checks.type')}</th>
              <th scope="col">{t('checks.organisation')}</th>
              <th scope="col">{t('review.candidate')}</th>
              <th scope="col">{t('checks.attempts')}</th>
              <th scope="col">{t('checks.lastError')}</th>
              <th scope="col">{t('checks.nextAttempt')}</th>
              <th scope="col">{t('checks.updated')}</th>
              <th scope="col">{t('checks.action')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.data.items.map((c) => (
              <tr key={c.checkId}>
                <td>
                  {textOr(t, `checkType.${c.checkType}`, c.checkType)} {c.result && <StatusBadge status={c.result} />}
                </td>
                <td>{c.organisation}</td>
                <td>
                  <Link to={`/adjudications/${encodeURIComponent(c.candidateId)}`}>{c.candidateId}</Link> ({c.country})
                </td>
                <td>{t('checks.attemptsOf', { attempts: c.attempts, round: c.round })}</td>
                <td>
                  {c.supersession
                    ? t(`checks.superseded.${c.supersession.reason}`, {
                        revision: c.supersession.byRevision,
                        check: c.supersession.replacedBy ?? '',
                      })
                    : c.withdrawal
                      ? t('checks.withdrawn.from', { state: t(`checks.state.${c.withdrawal.from}`) })
                      : (c.lastError ?? '—')}
                </td>
                <td>{c.nextAttemptAt ? date(c.nextAttemptAt) : '—'}</td>
                <td>{date(c.updatedAt)}</td>
                <td>
                  {retried[c.checkId] ? (
                    <span role="status">{retried[c.checkId]}</span>
                  ) : c.state === 'failed' ? (
                    <button
                      type="button"
                      onClick={() => retry(c)}
                      aria-label={t('checks.retryOne', {
                        type: textOr(t, `checkType.${c.checkType}`, c.checkType),
                        organisation: c.organisation,
                      })}
                    >
                      {t('checks.retry')}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
