import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { useSession } from '../api/session';
import { textOr, useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

interface Decision { decisionId: string; outcome: string; kind: string; decidedBy: string; countersignedBy?: string; reasons: string[]; decidedAt: string; policyVersion: number }
interface Case {
  candidateId: string; status: string; decisions: Decision[]; current: Decision | null;
  proposal: { proposalId: string; outcome: string; reasons: string[]; overrideReason?: string; proposedBy: string; recommendation?: string; findings?: string[] } | null;
}

/** A clearance case: its decisions, and the adjudication or countersignature it waits for (four eyes). */
export default function Adjudication({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const id = params.candidateId!;
  const found = useResource(id, () => api<Case>(`/clearance/cases/${encodeURIComponent(id)}`));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const canAct = user!.roles.includes('un-adjudicator');
  const send = (path: string, body: unknown) => async () => {
    setError(null);
    try {
      const result = await api<{ status?: string }>(`/clearance/cases/${encodeURIComponent(id)}/${path}`, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey() } });
      setDone(result.status ?? 'ok');
      found.reload();
    } catch (e) {
      setError(e);
    }
  };
  const propose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const overrideReason = String(form.get('overrideReason') ?? '').trim();
    return send('adjudication', { outcome: form.get('outcome'), reasons: [String(form.get('reasons')).trim()], ...(overrideReason ? { overrideReason } : {}) })();
  };
  const countersign = (approve: boolean) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason')).trim();
    return send('adjudication/countersignature', { proposalId: c!.proposal!.proposalId, approve, reason })();
  };
  const c = found.data;
  return (
    <Page title={t('adjudications.case', { id })}>
      <Loading when={found.loading} />
      <ProblemMessage error={found.error} />
      {done && <p className="notice" role="status">{t('adjudications.done', { status: done })}</p>}
      {c && (
        <>
          <p><StatusBadge status={c.status} /></p>
          <ol className="timeline">
            {c.decisions.map((d) => (
              <li key={d.decisionId}><StatusBadge status={d.outcome} /> {textOr(t, `decision.kind.${d.kind}`, d.kind)} · {d.decidedBy}{d.countersignedBy ? ` + ${d.countersignedBy}` : ''} · {date(d.decidedAt)} · {t('adjudications.policyVersion', { version: d.policyVersion })}<br /><span className="muted">{d.reasons.join('; ')}</span></li>
            ))}
          </ol>
          {canAct && c.status === 'awaiting-adjudication' && (
            <form onSubmit={propose}>
              <fieldset>
                <legend>{t('adjudications.outcome')}</legend>
                <label style={{ display: 'block' }}><input type="radio" name="outcome" value="cleared" required /> {t('status.cleared')}</label>
                <label style={{ display: 'block' }}><input type="radio" name="outcome" value="not-cleared" /> {t('status.not-cleared')}</label>
                <Field id="reasons" label={t('adjudications.reasons')}><textarea id="reasons" name="reasons" required rows={2} maxLength={2000} /></Field>
                <Field id="overrideReason" label={t('adjudications.override')}><textarea id="overrideReason" name="overrideReason" rows={2} maxLength={4000} /></Field>
              </fieldset>
              <button type="submit">{t('adjudications.propose')}</button>
            </form>
          )}
          {canAct && c.status === 'awaiting-countersignature' && c.proposal?.proposedBy === user!.username && <p className="notice">{t('adjudications.waitingForSecond')}</p>}
          {canAct && c.status === 'awaiting-countersignature' && c.proposal && c.proposal.proposedBy !== user!.username && (
            <section>
              <h2>{t('adjudications.countersign')}</h2>
              <p>{t('adjudications.proposedBy', { outcome: c.proposal.outcome, by: c.proposal.proposedBy })}: {c.proposal.reasons.join('; ')}</p>
              {c.proposal.overrideReason && <p className="explanation">{c.proposal.overrideReason}</p>}
              {[true, false].map((approve) => (
                <form key={String(approve)} onSubmit={countersign(approve)} className="row">
                  <Field id={`cs-${approve}`} label={`${t(approve ? 'adjudications.approve' : 'adjudications.reject')} — ${t('review.reason')}`}><input id={`cs-${approve}`} name="reason" required maxLength={4000} /></Field>
                  <div className="field"><button type="submit" className={approve ? '' : 'secondary'}>{t(approve ? 'adjudications.approve' : 'adjudications.reject')}</button></div>
                </form>
              ))}
            </section>
          )}
          <ProblemMessage error={error} />
        </>
      )}
    </Page>
  );
}
