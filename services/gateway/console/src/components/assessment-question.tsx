import type { Answer, Language, Question } from '../api/close-the-loop.types';
import { useI18n } from '../i18n/i18n';
import { StatusBadge } from './ui';

const ANSWERS: Answer['answer'][] = ['yes', 'partly', 'no', 'not-applicable'];

interface Props {
  question: Question;
  answer?: Answer;
  /** The office edits its answer (a draft). */
  onChange?: (answer: Answer) => void;
  /** What the reviewer said in the last review. */
  reviewerComment?: string;
  /** A reviewer writes a comment. */
  onComment?: (comment: string) => void;
}

/** One question of the self-assessment: the answer with its evidence, editable by the office in a draft, commented by a reviewer. */
export function AssessmentQuestion({ question, answer, onChange, reviewerComment, onComment }: Props) {
  const { t, language } = useI18n();
  const lang = language as Language;
  const id = question.id.replace('.', '-');
  const current: Answer = answer ?? { answer: 'no', evidence: [] };
  const evidence = current.evidence.length ? current.evidence : [{ description: '' }];
  const setEvidence = (i: number, field: 'description' | 'reference', value: string) =>
    onChange?.({
      ...current,
      evidence: evidence.map((e, j) => (j === i ? { ...e, [field]: value } : e)).filter((e, j) => e.description.trim() || j === i),
    });
  return (
    <fieldset className="panel">
      <legend>{question.id}</legend>
      <p>
        <strong>{question.text[lang]}</strong>
      </p>
      <p className="muted">{t('assessment.guidance', { guidance: question.guidance[lang] })}</p>
      {onChange ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-answer`}>{t('assessment.answer')}</label>
            <select
              id={`${id}-answer`}
              value={answer?.answer ?? ''}
              onChange={(e) => onChange({ ...current, answer: e.target.value as Answer['answer'] })}
            >
              <option value="" disabled>
                {t('assessment.unanswered')}
              </option>
              {ANSWERS.map((a) => (
                <option key={a} value={a}>
                  {t(`assessment.answer.${a}`)}
                </option>
              ))}
            </select>
          </div>
          {evidence.map((e, i) => (
            <div className="row" key={i}>
              <div className="field">
                <label htmlFor={`${id}-evidence-${i}`}>{t('assessment.evidence')}</label>
                <input
                  id={`${id}-evidence-${i}`}
                  value={e.description}
                  maxLength={1000}
                  onChange={(ev) => setEvidence(i, 'description', ev.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-reference-${i}`}>{t('assessment.evidenceReference')}</label>
                <input
                  id={`${id}-reference-${i}`}
                  value={e.reference ?? ''}
                  maxLength={500}
                  onChange={(ev) => setEvidence(i, 'reference', ev.target.value)}
                />
              </div>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ ...current, evidence: [...evidence, { description: '' }] })}
          >
            {t('assessment.addEvidence')}
          </button>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('assessment.note')}</label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={2000}
              value={current.note ?? ''}
              onChange={(e) => onChange({ ...current, note: e.target.value })}
            />
          </div>
        </>
      ) : (
        <>
          <p>
            {answer ? (
              <StatusBadge
                status={answer.answer === 'yes' ? 'cleared' : answer.answer === 'no' ? 'not-cleared' : 'pending'}
                label={t(`assessment.answer.${answer.answer}`)}
              />
            ) : (
              t('assessment.unanswered')
            )}
          </p>
          {answer && answer.evidence.length > 0 && (
            <ul>
              {answer.evidence.map((e, i) => (
                <li key={i}>
                  {e.description}
                  {e.reference ? ` (${e.reference})` : ''}
                </li>
              ))}
            </ul>
          )}
          {answer?.note && <p>{answer.note}</p>}
        </>
      )}
      {reviewerComment && <p className="notice">{t('assessment.reviewerSaid', { comment: reviewerComment })}</p>}
      {onComment && (
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('assessment.comment')}</label>
          <textarea id={`${id}-comment`} rows={2} maxLength={2000} onChange={(e) => onComment(e.target.value)} />
        </div>
      )}
    </fieldset>
  );
}
