import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../api/client';
import { useSession } from '../../api/session';
import { textOr, useI18n } from '../../i18n/i18n';
import { Field, ProblemMessage, StatusBadge } from '../ui';
import type { ClearanceCase } from './case-types';

/**
 * The decision, last, once the evidence above has been read: the adjudicator follows the policy's
 * recommendation, or departs from it with a reason that a second, different officer countersigns.
 */
export function CaseDecision({ c, onDone }: { c: ClearanceCase; onDone(status: string): void }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const [error, setError] = useState<unknown>(null);
  const canAct = user!.roles.includes('un-adjudicator');
  const send = async (path: string, body: unknown) => {
    setError(null);
    try {
      const result = await api<{ status?: string }>(`/clearance/cases/${encodeURIComponent(c.candidateId)}/${path}`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey() },
      });
      onDone(result.status ?? 'ok');
    } catch (e) {
      setError(e);
    }
  };
  const propose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const overrideReason = String(form.get('overrideReason') ?? '').trim();
    return send('adjudication', {
      outcome: form.get('outcome'),
      reasons: [String(form.get('reasons')).trim()],
      ...(overrideReason ? { overrideReason } : {}),
    });
  };
  const countersign = (approve: boolean) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send('adjudication/countersignature', {
      proposalId: c.proposal!.proposalId,
      approve,
      reason: String(new FormData(event.currentTarget).get('reason')).trim(),
    });
  };
  const latest = c.decisions.at(-1);
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('case.decision')}</h2>
      {latest && (latest.reasons.length > 0 || latest.findings?.length) ? (
        <div className="explanation">
          <p>
            <strong>{t('case.why')}</strong>{' '}
            {latest.recommendation
              ? t('case.recommendation', { outcome: textOr(t, `status.${latest.recommendation}`, latest.recommendation) })
              : ''}
          </p>
          <ul>
            {(c.evaluation ? latest.reasons : [...latest.reasons, ...(latest.findings ?? [])]).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="timeline">
        {c.decisions.map((d) => (
          <li key={d.decisionId}>
            <StatusBadge status={d.outcome} /> {textOr(t, `decision.kind.${d.kind}`, d.kind)} · {d.decidedBy}
            {d.countersignedBy ? ` + ${d.countersignedBy}` : ''} · {date(d.decidedAt)} ·{' '}
            {t('adjudications.policyVersion', { version: d.policyVersion })}
            <br />
            <span className="muted">{d.reasons.join('; ')}</span>
          </li>
        ))}
      </ol>
      {canAct && c.status === 'awaiting-adjudication' && (
        <form onSubmit={propose}>
          <fieldset>
            <legend>{t('adjudications.outcome')}</legend>
            <label className="block">
              <input type="radio" name="outcome" value="cleared" required /> {t('status.cleared')}
            </label>
            <label className="block">
              <input type="radio" name="outcome" value="not-cleared" /> {t('status.not-cleared')}
            </label>
            <Field id="reasons" label={t('adjudications.reasons')}>
              <textarea id="reasons" name="reasons" required rows={2} maxLength={2000} />
            </Field>
            <Field id="overrideReason" label={t('adjudications.override')}>
              <textarea id="overrideReason" name="overrideReason" rows={2} maxLength={4000} />
            </Field>
          </fieldset>
          <button type="submit">{t('adjudications.propose')}</button>
        </form>
      )}
      {canAct && c.status === 'awaiting-countersignature' && c.proposal?.proposedBy === user!.username && (
        <p className="notice">{t('adjudications.waitingForSecond')}</p>
      )}
      {canAct && c.status === 'awaiting-countersignature' && c.proposal && c.proposal.proposedBy !== user!.username && (
        <section>
          <h3>{t('adjudications.countersign')}</h3>
          <p>
            {t('adjudications.proposedBy', { outcome: c.proposal.outcome, by: c.proposal.proposedBy })}: {c.proposal.reasons.join('; ')}
          </p>
          {c.proposal.overrideReason && <p className="explanation">{c.proposal.overrideReason}</p>}
          {[true, false].map((approve) => (
            <form key={String(approve)} onSubmit={countersign(approve)} className="row">
              <Field
                id={`cs-${approve}`}
                label={`${t(approve ? 'adjudications.approve' : 'adjudications.reject')} — ${t('review.reason')}`}
              >
                <input id={`cs-${approve}`} name="reason" required maxLength={4000} />
              </Field>
              <div className="field">
                <button type="submit" className={approve ? '' : 'secondary'}>
                  {t(approve ? 'adjudications.approve' : 'adjudications.reject')}
                </button>
              </div>
            </form>
          ))}
        </section>
      )}
      <ProblemMessage error={error} />
    </section>
  );
}
