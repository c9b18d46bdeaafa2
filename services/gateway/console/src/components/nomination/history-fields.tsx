import { useState } from 'react';
import type { PreviousEmployer } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';
import { CountrySelect } from '../countries';
import { Repeater } from '../repeater';

const DATE = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/** One employer: who, what role, when, and how to reach their human resources (not needed for national service). */
function EmployerRow({ index, employer }: { index: number; employer?: PreviousEmployer }) {
  const { t } = useI18n();
  const [national, setNational] = useState(Boolean(employer?.nationalService));
  const id = (field: string) => `emp-${field}-${index}`;
  const name = (field: string) => `employers[${index}].${field}`;
  return (
    <>
      <Field id={id('name')} label={t('history.name')}>
        <input id={id('name')} name={name('name')} required maxLength={200} defaultValue={employer?.name} />
      </Field>
      <Field id={id('role')} label={t('history.role')}>
        <input id={id('role')} name={name('role')} required maxLength={200} defaultValue={employer?.role} />
      </Field>
      <Field id={id('from')} label={t('history.from')}>
        <input id={id('from')} name={name('from')} required pattern={DATE} defaultValue={employer?.from} />
      </Field>
      <Field id={id('to')} label={t('history.to')}>
        <input id={id('to')} name={name('to')} pattern={DATE} defaultValue={employer?.to} />
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" name={name('nationalService')} checked={national} onChange={(e) => setNational(e.target.checked)} />{' '}
          {t('history.nationalService')}
        </label>
      </div>
      {!national && (
        <Field id={id('email')} label={t('history.contact')}>
          <input id={id('email')} name={name('contactEmail')} type="email" required maxLength={254} defaultValue={employer?.contactEmail} />
        </Field>
      )}
      <Field id={id('country')} label={t('history.country')}>
        <CountrySelect id={id('country')} name={name('country')} defaultValue={employer?.country} />
      </Field>
    </>
  );
}

/**
 * The person's employers over the policy's look-back window, their own national service included
 * (its disciplinary record is asked). The contact typed for an employer is only a lead: the UN sends
 * a disclosure request to the contact its employer directory verified.
 */
export function HistoryFields({ employers = [] }: { employers?: PreviousEmployer[] }) {
  const { t } = useI18n();
  return (
    <Repeater
      legend={t('history.title')}
      hint={t('history.hint')}
      item={t('history.employer')}
      add={t('history.add')}
      min={0}
      initial={employers.length}
      max={20}
    >
      {(key) => <EmployerRow index={key} employer={employers[key]} />}
    </Repeater>
  );
}
