import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { SignedFields } from './signed-fields';

/**
 * The candidate's signed declaration that they had no employer in the look-back window other than
 * those listed (the history may then leave gaps). Recorded only when the office says it was signed.
 */
export function EmploymentDeclarationFields({ forms, today }: { forms: string[]; today: string }) {
  const { t } = useI18n();
  const [signed, setSigned] = useState(false);
  return (
    <fieldset>
      <legend>{t('employmentDeclaration.title')}</legend>
      <label>
        <input type="checkbox" name="employmentDeclaration.recorded" checked={signed} onChange={(e) => setSigned(e.target.checked)} />{' '}
        {t('employmentDeclaration.signed')}
      </label>
      {signed && <SignedFields prefix="employmentDeclaration" forms={forms} today={today} />}
    </fieldset>
  );
}
