import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, ProblemMessage } from '../ui';
import type { CandidateResponse } from './case-types';

/**
 * The candidate's answer to the adverse information (or that they declined to answer), recorded by
 * the adjudicator before any refusal: what they said, when it was received.
 */
export function CaseResponse({ candidateId, responses, canAct, onRecorded }: { candidateId: string; responses: CandidateResponse[]; canAct: boolean; onRecorded(): void }) {
  const { t, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const receivedOn = String(form.get('receivedOn') ?? '').trim();
    const body = { summary: String(form.get('summary') ?? '').trim(), declined: form.get('declined') === 'on', ...(receivedOn ? { receivedAt: `${receivedOn}T00:00:00Z` } : {}) };
    setError(null);
    try {
      await api(`/clearance/cases/${encodeURIComponent(candidateId)}/candidate-response`, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey() } });
      element.reset();
      onRecorded();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="response-heading">
      <h2 id="response-heading">{t('case.response')}</h2>
      {responses.length === 0 ? <p className="muted">{t('case.noResponse')}</p> : (
        <ul>{responses.map((r) => <li key={r.responseId}>{date(r.receivedAt)} — {r.declined ? <strong>{t('case.declined')}</strong> : null} {r.summary} <span className="muted">({t('case.recordedBy', { by: r.recordedBy })})</span></li>)}</ul>
      )}
      {canAct && (
        <form onSubmit={submit}>
          <Field id="response-summary" label={t('case.responseSummary')}><textarea id="response-summary" name="summary" required maxLength={4000} rows={3} /></Field>
          <div className="row">
            <Field id="response-received" label={t('case.responseReceived')}><input id="response-received" name="receivedOn" type="date" max={new Date().toISOString().slice(0, 10)} /></Field>
            <div className="field"><label><input type="checkbox" name="declined" /> {t('case.responseDeclined')}</label></div>
          </div>
          <ProblemMessage error={error} />
          <button type="submit" className="secondary">{t('case.recordResponse')}</button>
        </form>
      )}
    </section>
  );
}
