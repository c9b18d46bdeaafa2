import { useI18n } from '../i18n/i18n';
import { Field } from './ui';
import { CountrySelect } from './countries';
import { Repeater, rowsOf } from './repeater';
import { SCRIPTS } from './nomination/person-fields';

export const ENTRY_CATEGORIES = ['sea', 'sexual-harassment', 'other-misconduct', 'sanctions'] as const;
export const ENTRY_STATUSES = ['barred', 'left-pending-allegation', 'listed'] as const;
const NAME_KINDS = ['primary', 'alias', 'weak-alias'] as const;
const DOCUMENT_TYPES = ['passport', 'national-id', 'military-id', 'police-id', 'driving-licence', 'other'] as const;

export interface ListEntry {
  id: string;
  names: { full: string; script?: string; kind: string }[];
  datesOfBirth?: string[];
  placesOfBirth?: string[];
  nationalities?: string[];
  gender?: string;
  documents?: { type: string; number: string; country?: string }[];
  serviceNumbers?: string[];
  category: string;
  status: string;
  listingDate: string;
  sourceReference: string;
  remarks?: string;
}

const split = (value: string) =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/** A list entry (packages/banlists/FORMAT.md) from the form; empty lists and fields are left out. */
export function entryFrom(form: FormData): ListEntry {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const entry: ListEntry = {
    id: text('id'),
    names: rowsOf(form, 'entryNames')
      .filter((r) => r.full)
      .map((r) => ({ full: r.full!, kind: r.kind ?? 'alias', ...(r.script ? { script: r.script } : {}) })),
    category: text('category'),
    status: text('status'),
    listingDate: text('listingDate'),
    sourceReference: text('sourceReference'),
  };
  const lists = {
    datesOfBirth: split(text('datesOfBirth')),
    placesOfBirth: split(text('placesOfBirth')),
    serviceNumbers: split(text('serviceNumbers')),
    nationalities: rowsOf(form, 'entryNationalities')
      .map((r) => r.code!)
      .filter(Boolean),
  };
  for (const [k, v] of Object.entries(lists)) if (v.length) (entry as unknown as Record<string, unknown>)[k] = v;
  const documents = rowsOf(form, 'entryDocuments')
    .filter((r) => r.number)
    .map((r) => ({ type: r.type!, number: r.number!, ...(r.country ? { country: r.country } : {}) }));
  if (documents.length) entry.documents = documents;
  if (text('gender')) entry.gender = text('gender');
  if (text('remarks')) entry.remarks = text('remarks');
  return entry;
}

/** The fields of one list entry; `entry` pre-fills a correction (its id cannot change). */
export function ListEntryFields({ entry }: { entry?: ListEntry }) {
  const { t, language } = useI18n();
  const scripts = new Intl.DisplayNames([language], { type: 'script' });
  const names = entry?.names ?? [{ full: '', kind: 'primary' }];
  return (
    <>
      <Field id="entry-id" label={t('entry.id')}>
        <input
          id="entry-id"
          name="id"
          required
          maxLength={64}
          pattern="[A-Za-z0-9._:/\-]+"
          defaultValue={entry?.id}
          readOnly={Boolean(entry)}
        />
      </Field>
      <Repeater legend={t('person.names')} item={t('person.name')} add={t('person.addName')} min={1} initial={names.length}>
        {(key) => (
          <>
            <Field id={`en-name-${key}`} label={t('person.fullName')}>
              <input id={`en-name-${key}`} name={`entryNames[${key}].full`} required maxLength={300} defaultValue={names[key]?.full} />
            </Field>
            <Field id={`en-kind-${key}`} label={t('entry.nameKind')}>
              <select id={`en-kind-${key}`} name={`entryNames[${key}].kind`} defaultValue={names[key]?.kind ?? 'alias'}>
                {NAME_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`entry.nameKind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`en-script-${key}`} label={t('person.script')}>
              <select id={`en-script-${key}`} name={`entryNames[${key}].script`} defaultValue={names[key]?.script ?? ''}>
                <option value="">{t('entry.scriptDetected')}</option>
                {['Latn', ...SCRIPTS].map((s) => (
                  <option key={s} value={s}>
                    {scripts.of(s)} ({s})
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
      </Repeater>
      <div className="row">
        <Field id="entry-dobs" label={t('entry.datesOfBirth')}>
          <input id="entry-dobs" name="datesOfBirth" defaultValue={entry?.datesOfBirth?.join('; ')} />
        </Field>
        <Field id="entry-pobs" label={t('entry.placesOfBirth')}>
          <input id="entry-pobs" name="placesOfBirth" defaultValue={entry?.placesOfBirth?.join('; ')} />
        </Field>
        <Field id="entry-gender" label={t('nominate.gender')}>
          <select id="entry-gender" name="gender" defaultValue={entry?.gender ?? ''}>
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
        initial={Math.max(1, entry?.nationalities?.length ?? 0)}
        max={5}
      >
        {(key) => (
          <Field id={`en-nat-${key}`} label={t('person.nationalityLabel')}>
            <CountrySelect id={`en-nat-${key}`} name={`entryNationalities[${key}].code`} defaultValue={entry?.nationalities?.[key]} />
          </Field>
        )}
      </Repeater>
      <Repeater
        legend={t('person.documents')}
        item={t('person.document')}
        add={t('person.addDocument')}
        initial={entry?.documents?.length ?? 0}
        max={10}
      >
        {(key) => (
          <>
            <Field id={`en-doc-type-${key}`} label={t('person.documentType')}>
              <select id={`en-doc-type-${key}`} name={`entryDocuments[${key}].type`} defaultValue={entry?.documents?.[key]?.type}>
                {DOCUMENT_TYPES.map((d) => (
                  <option key={d} value={d}>
                    {t(`entry.documentType.${d}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`en-doc-number-${key}`} label={t('person.documentNumber')}>
              <input
                id={`en-doc-number-${key}`}
                name={`entryDocuments[${key}].number`}
                required
                maxLength={50}
                defaultValue={entry?.documents?.[key]?.number}
              />
            </Field>
            <Field id={`en-doc-country-${key}`} label={t('person.documentCountry')}>
              <CountrySelect
                id={`en-doc-country-${key}`}
                name={`entryDocuments[${key}].country`}
                defaultValue={entry?.documents?.[key]?.country}
              />
            </Field>
          </>
        )}
      </Repeater>
      <div className="row">
        <Field id="entry-svc" label={t('entry.serviceNumbers')}>
          <input id="entry-svc" name="serviceNumbers" defaultValue={entry?.serviceNumbers?.join('; ')} />
        </Field>
        <Field id="entry-category" label={t('field.category')}>
          <select id="entry-category" name="category" required defaultValue={entry?.category ?? ''}>
            <option value="" disabled>
              {t('form.choose')}
            </option>
            {ENTRY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`entry.category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="entry-status" label={t('field.status')}>
          <select id="entry-status" name="status" required defaultValue={entry?.status ?? ''}>
            <option value="" disabled>
              {t('form.choose')}
            </option>
            {ENTRY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`entry.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row">
        <Field id="entry-listed" label={t('field.listingDate')}>
          <input id="entry-listed" name="listingDate" required pattern="\d{4}(-\d{2}(-\d{2})?)?" defaultValue={entry?.listingDate} />
        </Field>
        <Field id="entry-source" label={t('field.sourceReference')}>
          <input id="entry-source" name="sourceReference" required maxLength={200} defaultValue={entry?.sourceReference} />
        </Field>
      </div>
      <Field id="entry-remarks" label={t('field.remarks')}>
        <textarea id="entry-remarks" name="remarks" rows={2} defaultValue={entry?.remarks} />
      </Field>
    </>
  );
}
