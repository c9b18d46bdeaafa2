import { useEffect, useState } from 'react';
import { api, idempotencyKey } from '../api/client';
import type { Answer, Assessment, Language, Questionnaire, Result, StandardId } from '../api/close-the-loop.types';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { AssessmentQuestion } from '../components/assessment-question';
import { Field, Loading, Page, ProblemMessage } from '../components/ui';

const RESULTS: Result[] = ['meets', 'partially-meets', 'does-not-meet'];
/** Evidence rows left empty in the form are not answers. */
const cleaned = (answers: Record<string, Answer>) =>
  Object.fromEntries(
    Object.entries(answers).map(([id, a]) => [
      id,
      {
        answer: a.answer,
        evidence: a.evidence
          .filter((e) => e.description.trim())
          .map((e) => ({ description: e.description.trim(), ...(e.reference?.trim() ? { reference: e.reference.trim() } : {}) })),
        ...(a.note?.trim() ? { note: a.note.trim() } : {}),
      },
    ]),
  );

/** One self-assessment: the office answers with evidence and submits; a UN reviewer comments and accepts or returns it. */
export default function AssessmentScreen({ params }: { params: Record<string, string> }) {
  const { t, date, language } = useI18n();
  const { user } = useSession();
  const id = params.assessmentId!;
  const base = `/accountability/assessments/${encodeURIComponent(id)}`;
  const loaded = useResource(id, async () => {
    const assessment = await api<Assessment>(base);
    const [questionnaire, history] = await Promise.all([
      api<Questionnaire>(`/accountability/questionnaires/${assessment.questionnaireVersion}`),
      api<{ items: { rev: number; at: string; status: string; round: number; answered: number; reviews: number }[] }>(`${base}/history`),
    ]);
    return { assessment, questionnaire, history: history.items };
  });
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [results, setResults] = useState<Partial<Record<StandardId, Result>>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setAnswers(loaded.data?.assessment.answers ?? {}), [loaded.data]);
  if (!loaded.data)
    return (
      <Page title={t('assessment.title', { id })}>
        <Loading when={loaded.loading} />
        <ProblemMessage error={loaded.error} />
      </Page>
    );

  const { assessment: a, questionnaire: q, history } = loaded.data;
  const lang = language as Language;
  const editing = user!.roles.includes('tcc-officer') && a.status === 'draft';
  const reviewing = user!.roles.some((r) => r === 'un-screener' || r === 'un-adjudicator') && a.status === 'submitted';
  const lastComments = a.reviews[a.reviews.length - 1]?.comments ?? {};
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError(null);
    setMessage('');
    try {
      await run();
      setMessage(done);
      loaded.reload();
    } catch (e) {
      setError(e);
    }
  };
  const save = () =>
    api(`${base}/answers`, { method: 'PUT', headers: { 'idempotency-key': idempotencyKey() }, body: { answers: cleaned(answers) } });
  const submit = () =>
    act(
      async () => (await save(), api(`${base}/submission`, { method: 'POST', headers: { 'idempotency-key': idempotencyKey() } })),
      t('assessment.status.submitted'),
    );
  const review = (decision: 'accepted' | 'returned', summary: string, overall?: Result) =>
    act(
      () =>
        api(`${base}/review`, {
          method: 'POST',
          headers: { 'idempotency-key': idempotencyKey() },
          body: {
            decision,
            summary,
            comments: Object.fromEntries(Object.entries(comments).filter(([, c]) => c.trim())),
            ...(decision === 'accepted' ? { standards: results, ...(overall ? { overall } : {}) } : {}),
          },
        }),
      t(`assessment.decision.${decision}`),
    );
  return (
    <Page title={t('assessment.title', { id })}>
      <p>{q.title[lang]}</p>
      <p>
        {t('assessment.summary', {
          office: a.office,
          country: a.country,
          version: a.questionnaireVersion,
          round: a.round,
          status: t(`assessment.status.${a.status}`),
        })}
      </p>
      {q.standards.map((s) => (
        <section key={s.id} aria-labelledby={`std-${s.id}`}>
          <h2 id={`std-${s.id}`}>{s.title[lang]}</h2>
          <p className="muted">{s.statement[lang]}</p>
          {a.selfScores?.[s.id] !== undefined && a.selfScores[s.id] !== null && (
            <p>{t('assessment.selfScore', { score: a.selfScores[s.id]! })}</p>
          )}
          {s.questions.map((question) => (
            <AssessmentQuestion
              key={question.id}
              question={question}
              answer={editing ? answers[question.id] : a.answers[question.id]}
              reviewerComment={lastComments[question.id]}
              {...(editing ? { onChange: (next: Answer) => setAnswers({ ...answers, [question.id]: next }) } : {})}
              {...(reviewing ? { onComment: (c: string) => setComments({ ...comments, [question.id]: c }) } : {})}
            />
          ))}
          {reviewing && (
            <Field id={`result-${s.id}`} label={t('assessment.resultFor', { standard: s.title[lang] })}>
              <select
                id={`result-${s.id}`}
                value={results[s.id] ?? ''}
                onChange={(e) => setResults({ ...results, [s.id]: e.target.value as Result })}
              >
                <option value="" disabled>
                  —
                </option>
                {RESULTS.map((r) => (
                  <option key={r} value={r}>
                    {t(`safeguarding.result.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </section>
      ))}
      <ProblemMessage error={error} />
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {editing && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => act(save, t('assessment.saved'))}>
            {t('assessment.save')}
          </button>
          <button type="button" onClick={submit}>
            {t('assessment.submit')}
          </button>
        </div>
      )}
      {reviewing && <ReviewActions onReview={review} />}
      {a.reviews.length > 0 && (
        <>
          <h2>{t('assessment.reviews')}</h2>
          <ul>
            {a.reviews.map((r, i) => (
              <li key={i}>
                {t('assessment.reviewLine', {
                  round: r.round,
                  decision: t(`assessment.decision.${r.decision}`),
                  reviewer: r.reviewer,
                  date: date(r.reviewedAt),
                  summary: r.summary,
                })}
                {r.overall ? ` ${t('assessment.overall')}: ${t(`safeguarding.result.${r.overall}`)}.` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('assessment.history')}</h2>
      <ol>
        {history.map((h) => (
          <li key={h.rev}>
            {t('assessment.historyLine', {
              date: date(h.at),
              status: t(`assessment.status.${h.status as 'draft'}`),
              round: h.round,
              answered: h.answered,
              reviews: h.reviews,
            })}
          </li>
        ))}
      </ol>
    </Page>
  );
}

/** The reviewer's summary, overall result, and the two decisions. */
function ReviewActions({ onReview }: { onReview: (decision: 'accepted' | 'returned', summary: string, overall?: Result) => void }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState('');
  const [overall, setOverall] = useState<Result | ''>('');
  return (
    <fieldset>
      <legend>{t('assessment.review')}</legend>
      <Field id="review-summary" label={t('assessment.reviewSummary')}>
        <textarea id="review-summary" rows={3} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </Field>
      <Field id="review-overall" label={t('assessment.overall')}>
        <select id="review-overall" value={overall} onChange={(e) => setOverall(e.target.value as Result)}>
          <option value="" disabled>
            —
          </option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`safeguarding.result.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="row">
        <button type="button" onClick={() => onReview('accepted', summary, overall || undefined)}>
          {t('assessment.accept')}
        </button>
        <button type="button" className="secondary" onClick={() => onReview('returned', summary)}>
          {t('assessment.return')}
        </button>
      </div>
    </fieldset>
  );
}
