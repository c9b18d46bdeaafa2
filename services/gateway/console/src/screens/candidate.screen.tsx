import { api } from '../api/client';
import type { CandidateView } from '../api/types';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

/** One candidate as an office sees them: status, decision and timeline (never hits or references). */
export default function Candidate({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const candidate = useResource(params.id!, () => api<CandidateView>(`/intake/candidates/${encodeURIComponent(params.id!)}`));
  const c = candidate.data;
  return (
    <Page title={t('candidate.title', { name: c?.displayName ?? '' })}>
      <Loading when={candidate.loading} />
      <ProblemMessage error={candidate.error} />
      {c && (
        <>
          <div className="panel">
            <dl>
              <dt>{t('roll.case')}</dt><dd>{c.caseReference}</dd>
              <dt>{t('roll.status')}</dt><dd><StatusBadge status={c.status} /></dd>
              <dt>{t('nominate.mission')}</dt><dd>{c.nomination.mission}</dd>
              <dt>{t('roll.rotation')}</dt><dd><Link to={`/roll?rotation=${encodeURIComponent(c.nomination.rotation)}`}>{c.nomination.rotation}</Link></dd>
              {c.decision && <><dt>{t('roll.decision')}</dt><dd><StatusBadge status={c.decision.outcome} /> {date(c.decision.decidedAt)}{c.decision.validUntil ? ` · ${t('candidate.validUntil', { date: date(c.decision.validUntil) })}` : ''}</dd></>}
            </dl>
          </div>
          <h2>{t('candidate.timeline')}</h2>
          <ol className="timeline">
            {c.timeline.map((step, i) => (
              <li key={i}><time dateTime={step.at}>{date(step.at)}</time> — <StatusBadge status={step.status} /> <span className="muted">{step.event}</span></li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}
