import type { PreviousEmployer } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';
import { CountrySelect } from '../countries';
import { Repeater } from '../repeater';

const DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/**
 * The person's employers over the look-back window, national service included: each one is asked
 * for a misconduct disclosure. The contact typed here is only a suggestion: the UN side decides where
 * a request goes (verified employer directory).
 */
export function HistoryFields({ employers = [] }: { employers?: PreviousEmployer[] }) {
  const { t } = useI18n();
  return (
    <Repeater legend={t('history.title')} hint={t('history.hint')} item={t('history.employer')} add={t('history.add')} min={0} initial={employers.length} max={20}>
      {(key) => (
        <>
          <Field id={`emp-name-${key}`} label={t('history.name')}><input id={`emp-name-${key}`} name={`employers[${key}].name`} required maxLength={200} defaultValue={employers[key]?.name} /></Field>
          <Field id={`emp-from-${key}`} label={t('history.from')}><input id={`emp-from-${key}`} name={`employers[${key}].from`} pattern={DATE} defaultValue={employers[key]?.from} /></Field>
          <Field id={`emp-to-${key}`} label={t('history.to')}><input id={`emp-to-${key}`} name={`employers[${key}].to`} pattern={DATE} defaultValue={employers[key]?.to} /></Field>
          <Field id={`emp-email-${key}`} label={t('history.contact')}><input id={`emp-email-${key}`} name={`employers[${key}].contactEmail`} type="email" required maxLength={254} defaultValue={employers[key]?.contactEmail} /></Field>
          <Field id={`emp-country-${key}`} label={t('history.country')}><CountrySelect id={`emp-country-${key}`} name={`employers[${key}].country`} defaultValue={employers[key]?.country} /></Field>
        </>
      )}
    </Repeater>
  );
}
