import { useState } from 'react';
import { api, idempotencyKey } from '../api/client';
import { toneOf, type RequestDetail } from '../api/action-request.types';
import { useSession } from '../api/session';
import { Link } from '../app/router';
import { ActionResponseForm } from '../components/action-response-form';
import { useResource } from '../components/use-resource';
import { Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n/i18n';

/** One request for action: what is asked and the responses; the office acknowledges and answers, the UN reminds and closes. */
export default function ActionRequestScreen({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const id = params.requestId!;
  const base = `/accountability/action-requests/${encodeURIComponent(id)}`;
  const loaded = useResource(id, async () => ({
    request: await api<RequestDetail>(base),
    history: (
      await api<{ items: { rev: number; at: string; status: RequestDetail['status']; responses: number; reminders: number }[] }>(
        `${base}/history`,
      )
    ).items,
  }));
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  if (!loaded.data)
    return (
      <Page title={t('rfa.title')}>
        <Loading when={loaded.loading} />
        <ProblemMessage error={loaded.error} />
      </Page>
    );
  const { request: r, history } = loaded.data;
  const isOffice = user!.roles.includes('tcc-officer');
  const isUn = user!.roles.some((role) => role === 'un-screener' || role === 'un-adjudicator');
  const open = r.status !== 'closed';
  const act = async (path: string, body: unknown, done: string) => {
    setError(null);
    setMessage('');
    try {
      await api(`${base}/${path}`, { method: 'POST', headers: { 'idempotency-key': idempotencyKey() }, ...(body ? { body } : {}) });
      setMessage(done);
      loaded.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title={t('rfa.detail', { reference: r.reference })}>
      <p>
        <StatusBadge status={toneOf(r.status)} label={t(`rfa.status.${r.status}`)} />
      </p>
      <p>
        {t('rfa.about', {
          category: t(`rfa.category.${r.category}`),
          mission: r.mission,
          date: date(r.substantiatedOn),
          country: r.country,
          by: r.sentBy,
          sent: date(r.sentAt),
        })}
      </p>
      <p>
        {t('rfa.links', { candidate: r.candidateId, list: r.listEntry.listId, entry: r.listEntry.entryId })}{' '}
        {isUn && <Link to={`/adjudications/${r.candidateId}`}>{r.candidateId}</Link>}
      </p>
      <h2>{t('rfa.asked')}</h2>
      <p>{r.summary}</p>
      <ul>
        {r.actions.map((a) => (
          <li key={a.kind}>
            {t(`rfa.action.${a.kind}`)} — {t('rfa.dueBy')} {date(a.dueBy)}
          </li>
        ))}
      </ul>
      {r.acknowledgedAt && <p>{t('rfa.acknowledged', { date: date(r.acknowledgedAt), by: r.acknowledgedBy ?? '' })}</p>}
      {r.reminders.length > 0 && (
        <p>{t('rfa.reminders', { count: r.reminders.length, date: date(r.reminders[r.reminders.length - 1]!.at) })}</p>
      )}
      <h2>{t('rfa.responses')}</h2>
      <ul>
        {r.responses.map((x) => (
          <li key={x.responseId}>
            <strong>
              {t('rfa.responseLine', {
                kind: t(`rfa.kind.${x.kind}`),
                date: date(x.respondedAt),
                by: x.respondedBy,
                covers: x.covers.map((c) => t(`rfa.action.${c}`)).join(', '),
              })}
            </strong>
            {x.outcome && <> {t('rfa.outcomeIs', { outcome: t(`rfa.outcome.${x.outcome}`) })}</>}
            <p>{x.text}</p>
          </li>
        ))}
      </ul>
      {r.closed && <p>{t('rfa.closedLine', { date: date(r.closed.at), by: r.closed.by, reason: r.closed.reason })}</p>}
      <ProblemMessage error={error} />
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {isOffice && open && !r.acknowledgedAt && (
        <button type="button" onClick={() => act('acknowledgement', undefined, t('rfa.status.acknowledged'))}>
          {t('rfa.acknowledge')}
        </button>
      )}
      {isOffice && open && r.status !== 'answered' && (
        <ActionResponseForm asked={r.actions.map((a) => a.kind)} onSend={(body) => act('responses', body, t('rfa.responseSent'))} />
      )}
      {isUn && open && (
        <fieldset>
          <legend>{t('rfa.close')}</legend>
          {r.status !== 'answered' && (
            <button type="button" className="secondary" onClick={() => act('reminders', undefined, t('rfa.reminded'))}>
              {t('rfa.remind')}
            </button>
          )}
          <Field id="rfa-reason" label={t('rfa.reason')}>
            <textarea id="rfa-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="button" onClick={() => act('closure', { reason }, t('rfa.status.closed'))}>
            {t('rfa.close')}
          </button>
        </fieldset>
      )}
      <h2>{t('rfa.history')}</h2>
      <ol>
        {history.map((h) => (
          <li key={h.rev}>
            {t('rfa.historyLine', {
              date: date(h.at),
              status: t(`rfa.status.${h.status}`),
              responses: h.responses,
              reminders: h.reminders,
            })}
          </li>
        ))}
      </ol>
    </Page>
  );
}
