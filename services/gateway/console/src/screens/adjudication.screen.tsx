import { useState } from 'react';
import { api } from '../api/client';
import type { CandidateView } from '../api/types';
import { useSession } from '../api/session';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import type { ClearanceCase } from '../components/case/case-types';
import { CaseHits } from '../components/case/case-hits';
import { CaseChecks } from '../components/case/case-checks';
import { CaseTrail } from '../components/case/case-trail';
import { CaseResponse } from '../components/case/case-response';
import { CaseDecision } from '../components/case/case-decision';
import { CaseFindings } from '../components/case/case-findings';
import { CaseNotice } from '../components/case/case-notice';
import { CaseActionRequests } from '../components/case/case-action-requests';

/**
 * A clearance case, read top to bottom as an adjudicator decides it: who the person is, the ban-list
 * hits beside their explanations, the check results and referees' answers, the trail, the candidate's
 * response, and then the decision (four eyes when it departs from the policy).
 */
export default function Adjudication({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const { user } = useSession();
  const id = params.candidateId!;
  const found = useResource(id, () => api<ClearanceCase>(`/clearance/cases/${encodeURIComponent(id)}`));
  const person = useResource(`candidate/${id}`, () => api<CandidateView>(`/intake/candidates/${encodeURIComponent(id)}`).catch(() => null));
  const [done, setDone] = useState<string | null>(null);
  const c = found.data;
  const p = person.data;
  const canAct = user!.roles.includes('un-adjudicator');
  return (
    <Page title={t('adjudications.case', { id: p?.displayName ?? id })}>
      <Loading when={found.loading} />
      <ProblemMessage error={found.error} />
      {done && (
        <p className="notice" role="status">
          {t('adjudications.done', { status: done })}
        </p>
      )}
      {c && (
        <>
          <p>
            <StatusBadge status={c.status} />{' '}
            {p && (
              <>
                {p.caseReference} · {c.country} · {p.nomination.mission} ·{' '}
                <Link to={`/candidates/${encodeURIComponent(id)}`}>{t('case.nomination')}</Link>
              </>
            )}
          </p>
          <nav aria-label={t('case.sections')} className="pager">
            <ul className="toc">
              {[...(c.evaluation ? ['findings'] : []), 'hits', 'checks', 'trail', 'notice', 'response', 'decision'].map((s) => (
                <li key={s}>
                  <a href={`#${s}-heading`}>{t(`case.${s}` as never)}</a>
                </li>
              ))}
            </ul>
          </nav>
          {c.evaluation && <CaseFindings evaluation={c.evaluation} />}
          <CaseHits candidateId={id} />
          <CaseChecks candidateId={id} />
          <CaseTrail candidateId={id} />
          <CaseNotice candidateId={id} notices={c.notices ?? []} canAct={canAct} onRecorded={found.reload} />
          <CaseResponse
            candidateId={id}
            responses={c.candidateResponses ?? c.inputs.candidateResponses ?? []}
            notices={c.notices ?? []}
            canAct={canAct}
            onRecorded={found.reload}
          />
          <CaseDecision
            c={c}
            onDone={(status) => {
              setDone(status);
              found.reload();
            }}
          />
          <CaseActionRequests candidateId={id} />
        </>
      )}
    </Page>
  );
}
