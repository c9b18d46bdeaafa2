import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../../api/client';
import { textOr, useI18n } from '../../i18n/i18n';
import { Field, ProblemMessage } from '../ui';
import type { Notice } from './case-types';

export const CHANNELS = ['via-tcc-office', 'email', 'letter', 'in-person'] as const;

/** The notice's record from the form: the day and channel it was given, what it said, and a later reply-by day if chosen. */
export function noticeFrom(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  return {
    sentAt: `${text('sentOn')}T00:00:00Z`,
    channel: text('channel'),
    text: text('text'),
    ...(text('respondBy') ? { respondBy: `${text('respondBy')}T23:59:59Z` } : {}),
  };
}

/**
 * The dated notice of the findings given to the candidate before any refusal: how and when it was
 * given, what it said, and until when they may respond (at least the policy's days; the default).
 */
export function CaseNotice({
  candidateId,
  notices,
  canAct,
  onRecorded,
}: {
  candidateId: string;
  notices: Notice[];
  canAct: boolean;
  onRecorded(): void;
}) {
  const { t, date } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    setError(null);
    try {
      await api(`/clearance/cases/${encodeURIComponent(candidateId)}/notices`, {
        method: 'POST',
        body: noticeFrom(new FormData(element)),
        headers: { 'idempotency-key': idempotencyKey() },
      });
      element.reset();
      onRecorded();
    } catch (e) {
      setError(e);
    }
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="notice-heading">
      <h2 id="notice-heading">{t('case.notice')}</h2>
      {notices.length === 0 ? (
        <p className="muted">{t('case.noNotice')}</p>
      ) : (
        <ul>
          {notices.map((n) => (
            <li key={n.noticeId}>
              {t('case.noticeGiven', {
                date: date(n.sentAt),
                channel: textOr(t, `case.channel.${n.channel}`, n.channel),
                by: date(n.respondBy),
              })}
              {n.text ? (
                <>
                  <br />
                  <q>{n.text}</q>
                </>
              ) : null}
              <br />
              <span className="muted">
                {t('case.noticeCovers', { count: n.findings.length })} · {t('case.recordedBy', { by: n.recordedBy })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <form onSubmit={submit}>
          <div className="row">
            <Field id="notice-sent" label={t('case.noticeSent')}>
              <input id="notice-sent" name="sentOn" type="date" required max={today} />
            </Field>
            <Field id="notice-channel" label={t('case.noticeChannel')}>
              <select id="notice-channel" name="channel" required defaultValue="">
                <option value="" disabled>
                  {t('form.choose')}
                </option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`case.channel.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="notice-by" label={t('case.noticeRespondBy')}>
              <input id="notice-by" name="respondBy" type="date" min={today} />
            </Field>
          </div>
          <Field id="notice-text" label={t('case.noticeText')}>
            <textarea id="notice-text" name="text" required maxLength={8000} rows={4} />
          </Field>
          <ProblemMessage error={error} />
          <button type="submit" className="secondary">
            {t('case.recordNotice')}
          </button>
        </form>
      )}
    </section>
  );
}
