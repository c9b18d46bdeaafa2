import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, ProblemMessage } from '../ui';
import { download } from '../download';
import type { Attachment, CandidateResponse, Notice } from './case-types';

/** File types a response's attachments may have (clearance checks the content agrees). */
export const ATTACHMENT_TYPES = 'application/pdf,image/png,image/jpeg,text/plain';

/**
 * The candidate's answer to the notice (or that they declined), recorded by the adjudicator before any
 * refusal: what they said, when it was received, which notice it answers, and the files they sent
 * (each uploaded first, sealed, then named in the response).
 */
export function CaseResponse({
  candidateId,
  responses,
  notices,
  canAct,
  onRecorded,
}: {
  candidateId: string;
  responses: CandidateResponse[];
  notices: Notice[];
  canAct: boolean;
  onRecorded(): void;
}) {
  const { t, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const path = `/clearance/cases/${encodeURIComponent(candidateId)}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
      const uploaded: Attachment[] = [];
      for (const file of files)
        uploaded.push(
          await api<Attachment>(`${path}/attachments`, {
            method: 'POST',
            body: file,
            query: { filename: file.name },
            headers: { 'content-type': file.type || 'application/octet-stream' },
          }),
        );
      const body = {
        ...(text('summary') ? { summary: text('summary') } : {}),
        declined: form.get('declined') === 'on',
        ...(text('receivedOn') ? { receivedAt: `${text('receivedOn')}T00:00:00Z` } : {}),
        ...(text('noticeId') ? { noticeId: text('noticeId') } : {}),
        ...(uploaded.length ? { attachmentIds: uploaded.map((a) => a.attachmentId) } : {}),
      };
      await api(`${path}/candidate-response`, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey() } });
      element.reset();
      onRecorded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="response-heading">
      <h2 id="response-heading">{t('case.response')}</h2>
      {responses.length === 0 ? (
        <p className="muted">{t('case.noResponse')}</p>
      ) : (
        <ul>
          {responses.map((r) => (
            <li key={r.responseId}>
              {date(r.receivedAt)} — {r.declined ? <strong>{t('case.declined')}</strong> : null} {r.summary ?? ''}{' '}
              <span className="muted">({t('case.recordedBy', { by: r.recordedBy })})</span>
              {r.attachments?.map((a) => (
                <button
                  key={a.attachmentId}
                  type="button"
                  className="secondary"
                  onClick={() => download(`${path}/attachments/${a.attachmentId}`, a.filename).catch(setError)}
                >
                  {t('case.attachment', { name: a.filename })}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <form onSubmit={submit}>
          {notices.length > 0 && (
            <Field id="response-notice" label={t('case.responseTo')}>
              <select id="response-notice" name="noticeId" defaultValue={notices.at(-1)!.noticeId}>
                {notices.map((n) => (
                  <option key={n.noticeId} value={n.noticeId}>
                    {t('case.noticeOf', { date: date(n.sentAt) })}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field id="response-summary" label={t('case.responseSummary')}>
            <textarea id="response-summary" name="summary" maxLength={20000} rows={3} />
          </Field>
          <div className="row">
            <Field id="response-received" label={t('case.responseReceived')}>
              <input id="response-received" name="receivedOn" type="date" max={new Date().toISOString().slice(0, 10)} />
            </Field>
            <div className="field">
              <label>
                <input type="checkbox" name="declined" /> {t('case.responseDeclined')}
              </label>
            </div>
          </div>
          <Field id="response-files" label={t('case.responseFiles')}>
            <input id="response-files" name="files" type="file" multiple accept={ATTACHMENT_TYPES} />
          </Field>
          <ProblemMessage error={error} />
          <button type="submit" className="secondary" disabled={busy}>
            {t('case.recordResponse')}
          </button>
        </form>
      )}
    </section>
  );
}
