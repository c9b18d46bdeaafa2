import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import type { Standing } from '../api/close-the-loop.types';
import { useSession } from '../api/session';
import { Link, navigate } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

interface Summary {
  id: string;
  country: string;
  office: string;
  round: number;
  submittedAt?: string;
}

/** Where each office stands on its safeguarding self-assessment; an office starts one, a UN reviewer sees those waiting. */
export default function SafeguardingScreen() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const isOffice = user!.roles.includes('tcc-officer');
  const isReviewer = user!.roles.some((r) => r === 'un-screener' || r === 'un-adjudicator');
  const standings = useResource('standing', () => api<{ items: Standing[] }>('/accountability/assessments/standing'));
  const waiting = useResource(isReviewer ? 'waiting' : null, () =>
    api<{ items: Summary[] }>('/accountability/assessments', { query: { status: 'submitted' } }),
  );
  const [error, setError] = useState<unknown>(null);
  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const office = String(new FormData(event.currentTarget).get('office') ?? '')
      .trim()
      .toLowerCase();
    setError(null);
    try {
      const created = await api<{ id: string }>('/accountability/assessments', {
        method: 'POST',
        headers: { 'idempotency-key': idempotencyKey() },
        body: office ? { office } : {},
      });
      navigate(`/safeguarding/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const tone = (s: Standing['status']) => (s === 'current' ? 'cleared' : s === 'due' ? 'expired' : 'pending');
  return (
    <Page title={t('safeguarding.title')}>
      <p className="muted">{t('safeguarding.hint')}</p>
      <h2>{t('safeguarding.standing')}</h2>
      <Loading when={standings.loading} />
      <ProblemMessage error={standings.error} />
      <Empty when={standings.data?.items.length === 0} />
      {standings.data && standings.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('people.country')}</th>
              <th scope="col">{t('safeguarding.office')}</th>
              <th scope="col">{t('safeguarding.status')}</th>
              <th scope="col">{t('safeguarding.overall')}</th>
              <th scope="col">{t('safeguarding.validUntil')}</th>
              <th scope="col">{t('safeguarding.underWay')}</th>
            </tr>
          </thead>
          <tbody>
            {standings.data.items.map((s) => (
              <tr key={`${s.country}|${s.office}`}>
                <td>{s.country}</td>
                <td>{s.office}</td>
                <td>
                  <StatusBadge status={tone(s.status)} label={t(`safeguarding.status.${s.status}`)} />
                </td>
                <td>
                  {s.latest ? (
                    <Link to={`/safeguarding/${s.latest.assessmentId}`}>{t(`safeguarding.result.${s.latest.overall}`)}</Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{s.latest ? date(s.latest.validUntil) : '—'}</td>
                <td>
                  {s.open ? (
                    <Link to={`/safeguarding/${s.open.assessmentId}`}>
                      {t('safeguarding.open', {
                        id: s.open.assessmentId,
                        status: t(`assessment.status.${s.open.status as 'draft'}`),
                        round: s.open.round,
                      })}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isOffice && (
        <form onSubmit={start} className="row">
          <Field id="sg-office" label={t('safeguarding.officeName')}>
            <input id="sg-office" name="office" pattern="[a-z0-9-]{2,50}" />
          </Field>
          <div className="field">
            <button type="submit">{t('safeguarding.start')}</button>
          </div>
        </form>
      )}
      <ProblemMessage error={error} />
      {isReviewer && (
        <>
          <h2>{t('safeguarding.toReview')}</h2>
          <Empty when={waiting.data?.items.length === 0} />
          <ul>
            {waiting.data?.items.map((a) => (
              <li key={a.id}>
                <Link to={`/safeguarding/${a.id}`}>{a.id}</Link> — {a.country} {a.office}, {date(a.submittedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
