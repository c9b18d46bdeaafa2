import { useState } from 'react';
import { api } from '../api/client';
import type { CandidateView } from '../api/types';
import { Link } from '../app/router';
import { textOr, useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { PersonSummary } from '../components/candidate/person-summary';
import { CandidateActions } from '../components/candidate/candidate-actions';

/** One candidate: status, decision, the person as nominated, what may be done with it, and the timeline (never hits or references). */
export default function Candidate({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const candidate = useResource(params.id!, () => api<CandidateView>(`/intake/candidates/${encodeURIComponent(params.id!)}`));
  const [actionError, setActionError] = useState<unknown>(null);
  const c = candidate.data;
  return (
    <Page title={t('candidate.title', { name: c?.displayName ?? '' })}>
      <Loading when={candidate.loading} />
      <ProblemMessage error={candidate.error} />
      {c && (
        <>
          {c.revetting?.inProgress && (
            <p role="status" className="notice">
              {t('revettings.banner', { date: date(c.revetting.openedAt) })}
            </p>
          )}
          <div className="panel">
            <dl>
              <dt>{t('roll.case')}</dt>
              <dd>{c.caseReference}</dd>
              <dt>{t('roll.status')}</dt>
              <dd>
                <StatusBadge status={c.status} />
              </dd>
              <dt>{t('nominate.mission')}</dt>
              <dd>
                {c.nomination.mission} · {textOr(t, `category.${c.nomination.category}`, c.nomination.category)}
              </dd>
              <dt>{t('roll.rotation')}</dt>
              <dd>
                <Link to={`/roll?${new URLSearchParams({ rotation: c.nomination.rotation, country: c.country })}`}>
                  {c.nomination.rotation}
                </Link>
              </dd>
              {c.decision && (
                <>
                  <dt>{t('roll.decision')}</dt>
                  <dd>
                    <StatusBadge status={c.decision.outcome} /> {date(c.decision.decidedAt)}
                    {c.decision.validUntil ? ` · ${t('candidate.validUntil', { date: date(c.decision.validUntil) })}` : ''}
                  </dd>
                </>
              )}
              {c.withdrawal && (
                <>
                  <dt>{t('status.withdrawn')}</dt>
                  <dd>
                    {date(c.withdrawal.at)} — {c.withdrawal.reason}
                  </dd>
                </>
              )}
              {c.erased && (
                <>
                  <dt>{t('candidate.erased')}</dt>
                  <dd>
                    {date(c.erased.at)} — {c.erased.reason}
                  </dd>
                </>
              )}
            </dl>
          </div>
          <PersonSummary candidate={c} />
          <CandidateActions candidate={c} onChanged={candidate.reload} onError={setActionError} />
          <ProblemMessage error={actionError} />
          <h2>{t('candidate.timeline')}</h2>
          <ol className="timeline">
            {c.timeline.map((step, i) => (
              <li key={i}>
                <time dateTime={step.at}>{date(step.at)}</time> — <StatusBadge status={step.status} />{' '}
                <span className="muted">{step.event}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}
