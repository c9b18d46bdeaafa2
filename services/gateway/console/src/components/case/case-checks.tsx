import type { ReferencesHttp } from '@vetting/contracts/http';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { textOr, useI18n } from '../../i18n/i18n';
import { useResource } from '../use-resource';
import { Empty, Loading, ProblemMessage, StatusBadge } from '../ui';

type ReferenceSet = ReferencesHttp['ReferenceSet'];
interface Answer {
  employed: string;
  sexualMisconductFinding: string;
  leftDuringInvestigation: string;
  details?: string;
  responderName: string;
  responderRole: string;
  responderEmail?: string;
  findings?: string[];
  answeredAt: string;
  result: string;
}

/**
 * The reference and record checks of the candidate's latest revision, each with its result. A
 * referee's own answer is opened on request only: each read of it is recorded for the audit trail.
 */
export function CaseChecks({ candidateId }: { candidateId: string }) {
  const { t } = useI18n();
  const set = useResource(`checks/${candidateId}`, () =>
    api<ReferenceSet>(`/references/candidates/${encodeURIComponent(candidateId)}/checks`).catch((e: unknown) =>
      e instanceof ApiError && e.status === 404 && e.problem.code !== 'HTTP.ROUTE_NOT_FOUND' ? null : Promise.reject(e),
    ),
  );
  const s = set.data;
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">{t('case.checks')}</h2>
      <Loading when={set.loading} />
      <ProblemMessage error={set.error} />
      {set.data === null && <p className="muted">{t('case.noChecks')}</p>}
      {s && (
        <>
          <p className="muted">
            {t('case.checksOf', { revision: s.candidateRevision, policy: s.policyVersion ?? '—' })}{' '}
            {s.completed ? t('case.checksComplete') : t('case.checksOpen')}
          </p>
          <Empty when={s.checks.length === 0} />
          {s.checks.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('checks.type')}</th>
                  <th scope="col">{t('checks.state')}</th>
                  <th scope="col">{t('case.result')}</th>
                  <th scope="col">{t('case.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {s.checks.map((c) => (
                  <tr key={c.checkId}>
                    <td>{textOr(t, `checkType.${c.checkType}`, c.checkType)}</td>
                    <td>{c.state ? textOr(t, `checks.state.${c.state}`, c.state) : '—'}</td>
                    <td>
                      <StatusBadge status={c.result} label={textOr(t, `checkResult.${c.result}`, c.result)} />
                    </td>
                    <td>
                      {c.checkType === 'misconduct-disclosure' && c.state === 'completed' && c.result !== 'no-response' ? (
                        <RefereeAnswer checkId={c.checkId} />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function RefereeAnswer({ checkId }: { checkId: string }) {
  const { t, date } = useI18n();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setError(null);
    try {
      setAnswer(await api<Answer>(`/references/checks/${encodeURIComponent(checkId)}/answer`));
    } catch (e) {
      setError(e);
    }
  };
  if (!answer)
    return (
      <>
        <button type="button" className="secondary" onClick={open}>
          {t('case.readAnswer')}
        </button>
        <ProblemMessage error={error} />
      </>
    );
  const yesNo = (v: string) => t(v === 'yes' ? 'form.yes' : 'form.no');
  return (
    <dl className="answer">
      <dt>{t('referee.q.employed')}</dt>
      <dd>{yesNo(answer.employed)}</dd>
      <dt>{t('referee.q.finding')}</dt>
      <dd>
        <strong>{yesNo(answer.sexualMisconductFinding)}</strong>
      </dd>
      <dt>{t('referee.q.leftDuring')}</dt>
      <dd>
        <strong>{yesNo(answer.leftDuringInvestigation)}</strong>
      </dd>
      {answer.details && (
        <>
          <dt>{t('referee.q.details')}</dt>
          <dd>{answer.details}</dd>
        </>
      )}
      <dt>{t('case.answeredBy')}</dt>
      <dd>
        {answer.responderName}, {answer.responderRole}
        {answer.responderEmail ? ` <${answer.responderEmail}>` : ''} · {date(answer.answeredAt)}
      </dd>
      {answer.findings?.length ? (
        <>
          <dt>{t('case.findings')}</dt>
          <dd>{answer.findings.map((f) => textOr(t, `finding.referee.${f}`, f)).join(' ')}</dd>
        </>
      ) : null}
    </dl>
  );
}
