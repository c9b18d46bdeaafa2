import { useState } from 'react';
import { DECLARATION_ITEMS } from '@vetting/contracts/values';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';
import { SignedFields } from './signed-fields';

/**
 * The UN human-rights self-declaration as the candidate signed it: recorded only when the office says
 * it was signed, and then every answer must be given (no answer is pre-selected).
 */
export function DeclarationFields({ forms, today }: { forms: string[]; today: string }) {
  const { t } = useI18n();
  const [signed, setSigned] = useState(false);
  return (
    <fieldset>
      <legend>{t('declaration.title')}</legend>
      <label>
        <input type="checkbox" name="declaration.recorded" checked={signed} onChange={(e) => setSigned(e.target.checked)} />{' '}
        {t('declaration.signed')}
      </label>
      {signed && (
        <>
          {DECLARATION_ITEMS.map((item) => (
            <fieldset key={item} className="question">
              <legend>{t(`declaration.${item}`)}</legend>
              <label>
                <input type="radio" name={`declaration.${item}`} value="yes" required /> {t('form.yes')}
              </label>
              <label>
                <input type="radio" name={`declaration.${item}`} value="no" /> {t('form.no')}
              </label>
            </fieldset>
          ))}
          <Field id="declaration-explanation" label={t('declaration.explanation')}>
            <textarea id="declaration-explanation" name="declaration.explanation" maxLength={2000} rows={3} />
          </Field>
          <SignedFields prefix="declaration" forms={forms} today={today} />
        </>
      )}
    </fieldset>
  );
}
