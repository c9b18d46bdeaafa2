import type { Nomination } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';

export const CATEGORIES = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer', 'civilian'] as const;

/** Where the person is nominated: mission, rotation, category. */
export function NominationFields({ nomination }: { nomination?: Nomination }) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('nominate.where')}</legend>
      <div className="row">
        <Field id="mission" label={t('nominate.mission')}>
          <input id="mission" name="mission" required maxLength={100} defaultValue={nomination?.mission} />
        </Field>
        <Field id="rotation" label={t('nominate.rotation')}>
          <input id="rotation" name="rotation" required maxLength={100} defaultValue={nomination?.rotation} />
        </Field>
        <Field id="category" label={t('nominate.category')}>
          <select id="category" name="category" required defaultValue={nomination?.category ?? ''}>
            <option value="" disabled>
              {t('form.choose')}
            </option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}
