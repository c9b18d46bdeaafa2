import { DECLARATION_ITEMS } from '@vetting/contracts/values';
import type { Person, PreviousEmployer, Signed } from '../../api/types';
import { rowsOf } from '../repeater';

/** The document kinds the form's select offers; the service refuses any other. */
type DocumentType = NonNullable<Person['documents']>[number]['type'];

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Optional fields are left out rather than sent empty; the values are the ones typed, trimmed. */
function put<T extends object>(target: T, key: string, value: string | undefined): T {
  if (value) (target as Record<string, unknown>)[key] = value;
  return target;
}

/** The person from the form's person fields (names in the order shown, each with its script). */
export function personFrom(form: FormData): Person {
  const person: Person = {
    names: rowsOf(form, 'names')
      .filter((r) => r.full)
      .map((r) => put({ full: r.full! }, 'script', r.script)),
  };
  put(person, 'dateOfBirth', text(form, 'dateOfBirth'));
  put(person, 'placeOfBirth', text(form, 'placeOfBirth'));
  put(person, 'gender', text(form, 'gender'));
  const nationalities = [
    ...new Set(
      rowsOf(form, 'nationalities')
        .map((r) => r.code)
        .filter((c): c is string => Boolean(c)),
    ),
  ];
  if (nationalities.length) person.nationalities = nationalities;
  const documents = rowsOf(form, 'documents')
    .filter((r) => r.number)
    .map((r) => put({ type: r.type as DocumentType, number: r.number! }, 'country', r.country));
  if (documents.length) person.documents = documents;
  put(person, 'serviceNumber', text(form, 'serviceNumber'));
  put(person, 'rank', text(form, 'rank'));
  put(person, 'unit', text(form, 'unit'));
  const employers = employersFrom(form);
  if (employers.length) person.previousEmployers = employers;
  return person;
}

export function employersFrom(form: FormData): PreviousEmployer[] {
  return rowsOf(form, 'employers')
    .filter((r) => r.name)
    .map((r) => {
      const e: PreviousEmployer = { name: r.name!, role: r.role ?? '', from: r.from ?? '' };
      for (const k of ['to', 'contactEmail', 'country'] as const) put(e, k, r[k]);
      if (r.nationalService === 'on') {
        e.nationalService = true;
        delete e.contactEmail; // its disciplinary record is asked, not a referee
      }
      return e;
    });
}

/**
 * A signed record as entered: the form version chosen, the day typed (sent as that day at 00:00 UTC,
 * the day the console shows back) and the method chosen.
 */
export function signedFrom(form: FormData, prefix: string): Signed {
  return {
    formVersion: text(form, `${prefix}.formVersion`),
    signedAt: `${text(form, `${prefix}.signedOn`)}T00:00:00Z`,
    method: text(form, `${prefix}.method`) as Signed['method'],
  };
}

export function declarationFrom(form: FormData) {
  if (form.get('declaration.recorded') !== 'on') return undefined;
  const answers = Object.fromEntries(DECLARATION_ITEMS.map((item) => [item, form.get(`declaration.${item}`) === 'yes'])) as Record<
    (typeof DECLARATION_ITEMS)[number],
    boolean
  >;
  return put({ ...signedFrom(form, 'declaration'), ...answers }, 'explanation', text(form, 'declaration.explanation'));
}

/** The declaration of no other employer, when the office recorded that the candidate signed it. */
export function employmentDeclarationFrom(form: FormData) {
  return form.get('employmentDeclaration.recorded') === 'on'
    ? { noOtherEmployer: true as const, ...signedFrom(form, 'employmentDeclaration') }
    : undefined;
}

/** The whole nomination, exactly as entered: nothing is added that the user did not type or choose. */
export function submissionFrom(form: FormData) {
  const selfDeclaration = declarationFrom(form);
  const employmentDeclaration = employmentDeclarationFrom(form);
  return {
    nomination: { mission: text(form, 'mission'), rotation: text(form, 'rotation'), category: text(form, 'category') },
    person: personFrom(form),
    consent: { given: form.get('consent.given') === 'on', ...signedFrom(form, 'consent') },
    ...(selfDeclaration ? { selfDeclaration } : {}),
    ...(employmentDeclaration ? { employmentDeclaration } : {}),
  };
}
