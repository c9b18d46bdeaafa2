import { useI18n } from '../../i18n/i18n';
import { SignedFields } from './signed-fields';

/** Consent as the candidate gave it: the office confirms it and records the form, date and method it has on file. */
export function ConsentFields({ forms, today }: { forms: string[]; today: string }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('consent.title')}</legend>
      <label>
        <input type="checkbox" name="consent.given" id="consent-given" required /> {t('consent.given')}
      </label>
      <SignedFields prefix="consent" forms={forms} today={today} />
    </fieldset>
  );
}
