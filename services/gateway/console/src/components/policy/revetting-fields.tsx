import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';
import { CATEGORIES } from '../nomination/nomination-fields';
import type { Policy } from './policy-compare';

/** The re-vetting interval of each category (months after a clearance; empty: not re-vetted), from the version being edited. */
export function RevettingFields({ base, errors, invalid }: { base: Policy; errors: ReactNode; invalid: boolean }) {
  const { t } = useI18n();
  const rules = (base.revetting ?? {}) as Record<string, { everyMonths?: number } | undefined>;
  return (
    <fieldset>
      <legend>{t('policies.revetting')}</legend>
      <p className="muted">{t('policies.revettingHint')}</p>
      {errors}
      {CATEGORIES.map((c) => (
        <Field key={c} id={`revetting-${c}`} label={t('policies.revettingMonths', { category: t(`category.${c}`) })}>
          <input
            id={`revetting-${c}`}
            name={`revetting.${c}`}
            type="number"
            step={1}
            defaultValue={rules[c]?.everyMonths ?? ''}
            aria-invalid={invalid || undefined}
          />
        </Field>
      ))}
    </fieldset>
  );
}
