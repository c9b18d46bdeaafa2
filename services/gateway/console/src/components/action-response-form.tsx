import { useState } from 'react';
import { OUTCOMES, type ActionKind, type Outcome } from '../api/action-request.types';
import { useI18n } from '../i18n/i18n';
import { Field } from './ui';

export interface ResponseBody {
  kind: 'interim' | 'final';
  covers: ActionKind[];
  outcome?: Outcome;
  text: string;
}

/** The country's office reports on the actions asked: an interim report, or the final response with its outcome. */
export function ActionResponseForm({ asked, onSend }: { asked: ActionKind[]; onSend: (body: ResponseBody) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'interim' | 'final'>('interim');
  const [covers, setCovers] = useState<ActionKind[]>([]);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [text, setText] = useState('');
  return (
    <fieldset>
      <legend>{t('rfa.respond')}</legend>
      <Field id="rfa-kind" label={t('rfa.kind')}>
        <select id="rfa-kind" value={kind} onChange={(e) => setKind(e.target.value as 'interim' | 'final')}>
          <option value="interim">{t('rfa.kind.interim')}</option>
          <option value="final">{t('rfa.kind.final')}</option>
        </select>
      </Field>
      <fieldset>
        <legend>{t('rfa.covers')}</legend>
        {asked.map((a) => (
          <label key={a} className="row">
            <input
              type="checkbox"
              checked={covers.includes(a)}
              onChange={(e) => setCovers(e.target.checked ? [...covers, a] : covers.filter((c) => c !== a))}
            />{' '}
            {t(`rfa.action.${a}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'final' && (
        <Field id="rfa-outcome" label={t('rfa.outcome')}>
          <select id="rfa-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
            <option value="">{t('form.choose')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`rfa.outcome.${o}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="rfa-text" label={t('rfa.text')}>
        <textarea id="rfa-text" rows={4} maxLength={8000} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <button type="button" onClick={() => onSend({ kind, covers, ...(kind === 'final' && outcome ? { outcome } : {}), text })}>
        {t('rfa.sendResponse')}
      </button>
    </fieldset>
  );
}
