import { useState } from 'react';
import { api } from '../api/client';
import { toneOf, type DisclosureDetail } from '../api/disclosure.types';
import { useSession } from '../api/session';
import { ConsentForm, DisclosureAnswerForm } from '../components/disclosure-answer-form';
import { download } from '../components/download';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { textOr, useI18n } from '../i18n/i18n';

type History = {
  rev: number;
  at: string;
  status: DisclosureDetail['status'];
  answer?: string;
  answeredBy?: string;
  countersignedBy?: string;
}[];

/** One disclosure request: the requester and its verification, the person, what the platform records, the consent, the answer. */
export default function DisclosureRequestScreen({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const id = params.requestId!;
  const base = `/accountability/disclosure-requests/${encodeURIComponent(id)}`;
  const loaded = useResource(id, async () => ({
    request: await api<DisclosureDetail>(base),
    history: (await api<{ items: History }>(`${base}/history`)).items,
  }));
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState('');
  if (!loaded.data)
    return (
      <Page title={t('mds.title')}>
        <Loading when={loaded.loading} />
        <ProblemMessage error={loaded.error} />
      </Page>
    );
  const { request: r, history } = loaded.data;
  const isUn = user!.roles.some((role) => role === 'un-screener' || role === 'un-adjudicator');
  const answers = r.addressedTo === 'UN' ? isUn : user!.roles.includes('tcc-officer') && user!.country === r.addressedTo;
  const act = async (path: string, body: unknown, done: string) => {
    setError(null);
    setMessage('');
    try {
      const now = await api<DisclosureDetail>(`${base}/${path}`, { method: 'POST', ...(body ? { body } : {}) });
      setProblem(now.verificationProblem ?? '');
      setMessage(done);
      loaded.reload();
    } catch (e) {
      setError(e);
    }
  };
  const a = r.answer;
  return (
    <Page title={t('mds.detail', { reference: r.reference })}>
      <p>
        <StatusBadge status={toneOf(r.status)} label={t(`mds.status.${r.status}`)} /> {t('mds.dueLine', { date: date(r.dueBy) })}
      </p>
      <p>
        {t('mds.receivedLine', { date: date(r.receivedAt), by: r.receivedBy, to: r.addressedTo === 'UN' ? t('mds.toUn') : r.addressedTo })}
      </p>
      <h2>{t('mds.requester')}</h2>
      <p>
        {r.requester.organisationName ?? r.requester.organisationId}
        {r.requesterContact && (
          <>
            {' '}
            — {r.requesterContact.name} &lt;{r.requesterContact.email}&gt;
          </>
        )}{' '}
        {r.requester.theirReference && `(${r.requester.theirReference})`}
      </p>
      {r.verified ? (
        <p>{t('mds.verifiedLine', { date: date(r.verified.at), name: r.verified.organisationName })}</p>
      ) : (
        <p role="alert">
          {t('mds.unverified')} {(problem || r.verificationProblem) && `(${problem || r.verificationProblem})`}{' '}
          {answers && (
            <button type="button" className="secondary" onClick={() => act('verification', undefined, t('mds.checked'))}>
              {t('mds.verify')}
            </button>
          )}
        </p>
      )}
      <h2>{t('mds.person')}</h2>
      {r.erased && <p>{t('mds.erased')}</p>}
      <dl>
        {Object.entries(r.person ?? {}).map(([k, v]) => (
          <div key={k}>
            <dt>{textOr(t, `mds.person.${k}`, k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p>{t('mds.candidateLine', { candidate: r.candidateId, country: r.country })}</p>
      <h2>{t('mds.known')}</h2>
      {r.knownFindings.length === 0 ? (
        <p>{t('mds.noneKnown')}</p>
      ) : (
        <ul>
          {r.knownFindings.map((f) => (
            <li key={`${f.source}|${f.reference}`}>
              {textOr(t, `mds.source.${f.source}`, f.source)} —{' '}
              {t('mds.findingLine', {
                reference: f.reference,
                category: textOr(t, `rfa.category.${f.category}`, f.category),
                date: date(f.substantiatedOn),
                entry: f.listEntry ? `${f.listEntry.listId}/${f.listEntry.entryId}` : '—',
              })}
            </li>
          ))}
        </ul>
      )}
      {r.consent ? (
        <p>
          {t('mds.consentLine', { date: date(r.consent.signedOn), by: r.consent.attachedBy })}{' '}
          <button type="button" className="secondary" onClick={() => download(`${base}/consent`, r.consent!.filename)}>
            {t('mds.download')}
          </button>
        </p>
      ) : answers && r.status !== 'answered' ? (
        <ConsentForm onSend={(body) => act('consent', body, t('mds.consentAttached'))} />
      ) : (
        <p>{t('mds.noConsent')}</p>
      )}
      {a && (
        <>
          <h2>{t('mds.answer')}</h2>
          <p>
            <strong>{t(`mds.answer.${a.kind}`)}</strong> — {t('mds.answeredLine', { by: a.answeredBy, date: date(a.answeredAt) })}
            {a.countersignedBy && ` · ${t('mds.countersignedLine', { by: a.countersignedBy })}`}
          </p>
          {a.justification && (
            <p>
              {t('mds.justification')}: {a.justification}
            </p>
          )}
          {a.note && (
            <p>
              {t('mds.note')}: {a.note}
            </p>
          )}
        </>
      )}
      <ProblemMessage error={error} />
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {answers && !a && r.verified && r.consent && (
        <DisclosureAnswerForm findings={r.knownFindings.length} onSend={(body) => act('answer', body, t('mds.answerGiven'))} />
      )}
      {answers && r.status === 'awaiting-countersignature' && a?.answeredBy !== user!.username && (
        <button type="button" onClick={() => act('countersignature', undefined, t('mds.countersigned'))}>
          {t('mds.countersign')}
        </button>
      )}
      <h2>{t('mds.history')}</h2>
      <ol>
        {history.map((h) => (
          <li key={h.rev}>
            {date(h.at)} — {t(`mds.status.${h.status}`)}
            {h.answeredBy && ` (${h.answeredBy})`}
          </li>
        ))}
      </ol>
    </Page>
  );
}
