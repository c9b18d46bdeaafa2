import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';

export const SIGNING_METHODS = ['wet-signature-scanned', 'electronic-signature', 'recorded-verbal'] as const;

/**
 * Which configured form was signed, on which day and how, exactly as recorded on paper or on the
 * device: nothing is chosen in advance (no default form, date or method), so the record is the user's.
 */
export function SignedFields({ prefix, forms, today }: { prefix: string; forms: string[]; today: string }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <Field id={`${prefix}-form`} label={t('signed.form')}>
        <select id={`${prefix}-form`} name={`${prefix}.formVersion`} required defaultValue="">
          <option value="" disabled>
            {t('form.choose')}
          </option>
          {forms.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${prefix}-date`} label={t('signed.date')}>
        <input id={`${prefix}-date`} name={`${prefix}.signedOn`} type="date" required max={today} />
      </Field>
      <Field id={`${prefix}-method`} label={t('signed.method')}>
        <select id={`${prefix}-method`} name={`${prefix}.method`} required defaultValue="">
          <option value="" disabled>
            {t('form.choose')}
          </option>
          {SIGNING_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`signed.method.${m}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
