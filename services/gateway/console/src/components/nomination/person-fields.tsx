import type { Person } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Field } from '../ui';
import { CountrySelect } from '../countries';
import { Repeater } from '../repeater';

/** ISO 15924 scripts offered for a name written in its original script (Latin needs none). */
export const SCRIPTS = [
  'Arab',
  'Armn',
  'Beng',
  'Cyrl',
  'Deva',
  'Ethi',
  'Geor',
  'Grek',
  'Guru',
  'Hang',
  'Hans',
  'Hant',
  'Hebr',
  'Jpan',
  'Khmr',
  'Knda',
  'Laoo',
  'Mlym',
  'Mymr',
  'Sinh',
  'Taml',
  'Telu',
  'Thaa',
  'Thai',
  'Tibt',
];
export const DOCUMENT_TYPES = ['passport', 'national-id', 'military-id', 'police-id', 'other'] as const;

/**
 * Who the person is: every name (each in its own script), dates, nationalities, identity documents,
 * service number. `person` pre-fills a correction; document numbers come back masked and must be typed
 * again (the console never resends a masked number as if it were the real one).
 */
export function PersonFields({ person }: { person?: Person }) {
  const { t, language } = useI18n();
  const scriptNames = new Intl.DisplayNames([language], { type: 'script' });
  const names = person?.names ?? [];
  const nationalities = person?.nationalities ?? [];
  const documents = person?.documents ?? [];
  return (
    <>
      <Repeater
        legend={t('person.names')}
        hint={t('person.namesHint')}
        item={t('person.name')}
        add={t('person.addName')}
        min={1}
        initial={Math.max(1, names.length)}
      >
        {(key) => (
          <>
            <Field id={`name-${key}`} label={t('person.fullName')}>
              <input
                id={`name-${key}`}
                name={`names[${key}].full`}
                required
                maxLength={300}
                autoComplete="off"
                defaultValue={names[key]?.full}
              />
            </Field>
            <Field id={`script-${key}`} label={t('person.script')}>
              <select id={`script-${key}`} name={`names[${key}].script`} defaultValue={names[key]?.script ?? ''}>
                <option value="">{t('person.script.latin')}</option>
                {SCRIPTS.map((s) => (
                  <option key={s} value={s}>
                    {scriptNames.of(s)} ({s})
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
      </Repeater>
      <div className="row">
        <Field id="dateOfBirth" label={t('nominate.dob')}>
          <input id="dateOfBirth" name="dateOfBirth" pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={person?.dateOfBirth} />
        </Field>
        <Field id="placeOfBirth" label={t('person.placeOfBirth')}>
          <input id="placeOfBirth" name="placeOfBirth" maxLength={200} defaultValue={person?.placeOfBirth} />
        </Field>
        <Field id="gender" label={t('nominate.gender')}>
          <select id="gender" name="gender" defaultValue={person?.gender ?? ''}>
            <option value="">{t('nominate.gender.none')}</option>
            {(['male', 'female', 'other'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`person.gender.${g}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Repeater
        legend={t('person.nationalities')}
        item={t('person.nationality')}
        add={t('person.addNationality')}
        min={0}
        initial={Math.max(1, nationalities.length)}
        max={5}
      >
        {(key) => (
          <Field id={`nationality-${key}`} label={t('person.nationalityLabel')}>
            <CountrySelect id={`nationality-${key}`} name={`nationalities[${key}].code`} defaultValue={nationalities[key]} />
          </Field>
        )}
      </Repeater>
      <Repeater
        legend={t('person.documents')}
        hint={documents.length ? t('person.documentsRetype') : undefined}
        item={t('person.document')}
        add={t('person.addDocument')}
        min={0}
        initial={documents.length}
        max={10}
      >
        {(key) => (
          <>
            <Field id={`doc-type-${key}`} label={t('person.documentType')}>
              <select id={`doc-type-${key}`} name={`documents[${key}].type`} required defaultValue={documents[key]?.type}>
                {DOCUMENT_TYPES.map((d) => (
                  <option key={d} value={d}>
                    {t(`person.documentType.${d}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={`doc-number-${key}`}
              label={t('person.documentNumber')}
              hint={documents[key] ? t('person.documentMasked', { masked: documents[key]!.number }) : undefined}
            >
              <input
                id={`doc-number-${key}`}
                name={`documents[${key}].number`}
                required
                maxLength={50}
                pattern="[A-Za-z0-9 /\-]+"
                autoComplete="off"
                aria-describedby={documents[key] ? `doc-number-${key}-hint` : undefined}
              />
            </Field>
            <Field id={`doc-country-${key}`} label={t('person.documentCountry')}>
              <CountrySelect id={`doc-country-${key}`} name={`documents[${key}].country`} defaultValue={documents[key]?.country} />
            </Field>
          </>
        )}
      </Repeater>
      <div className="row">
        <Field id="serviceNumber" label={t('nominate.serviceNumber')}>
          <input id="serviceNumber" name="serviceNumber" maxLength={50} defaultValue={person?.serviceNumber} />
        </Field>
        <Field id="rank" label={t('person.rank')}>
          <input id="rank" name="rank" maxLength={100} defaultValue={person?.rank} />
        </Field>
        <Field id="unit" label={t('person.unit')}>
          <input id="unit" name="unit" maxLength={200} defaultValue={person?.unit} />
        </Field>
      </div>
    </>
  );
}
