/**
 * The CSV layout of a contingent file: one person per row, a header row naming the columns (case and
 * spaces ignored). Rows are mapped to the JSON submission shape, then validated exactly like a single
 * nomination, so both formats share one set of rules.
 */
export const CSV_COLUMNS = {
  name: 'person/names/0/full',
  name_original_script: 'person/names/1/full',
  name_script: 'person/names/1/script',
  date_of_birth: 'person/dateOfBirth',
  place_of_birth: 'person/placeOfBirth',
  nationalities: 'person/nationalities',
  gender: 'person/gender',
  document_type: 'person/documents/0/type',
  document_number: 'person/documents/0/number',
  document_country: 'person/documents/0/country',
  service_number: 'person/serviceNumber',
  rank: 'person/rank',
  unit: 'person/unit',
  // Up to three employments per row (JSON uploads take up to 20), national service included: together
  // they must cover the policy's look-back window, unless the employment_declaration_* columns hold
  // the candidate's signed declaration of no other employer.
  employer_1_name: 'person/previousEmployers/0/name',
  employer_1_role: 'person/previousEmployers/0/role',
  employer_1_email: 'person/previousEmployers/0/contactEmail',
  employer_1_country: 'person/previousEmployers/0/country',
  employer_1_from: 'person/previousEmployers/0/from',
  employer_1_to: 'person/previousEmployers/0/to',
  employer_1_national_service: 'person/previousEmployers/0/nationalService',
  employer_2_name: 'person/previousEmployers/1/name',
  employer_2_role: 'person/previousEmployers/1/role',
  employer_2_email: 'person/previousEmployers/1/contactEmail',
  employer_2_country: 'person/previousEmployers/1/country',
  employer_2_from: 'person/previousEmployers/1/from',
  employer_2_to: 'person/previousEmployers/1/to',
  employer_2_national_service: 'person/previousEmployers/1/nationalService',
  employer_3_name: 'person/previousEmployers/2/name',
  employer_3_role: 'person/previousEmployers/2/role',
  employer_3_email: 'person/previousEmployers/2/contactEmail',
  employer_3_country: 'person/previousEmployers/2/country',
  employer_3_from: 'person/previousEmployers/2/from',
  employer_3_to: 'person/previousEmployers/2/to',
  employer_3_national_service: 'person/previousEmployers/2/nationalService',
  mission: 'nomination/mission',
  rotation: 'nomination/rotation',
  category: 'nomination/category',
  consent_given: 'consent/given',
  consent_form_version: 'consent/formVersion',
  consent_signed_at: 'consent/signedAt',
  consent_method: 'consent/method',
  declaration_form_version: 'selfDeclaration/formVersion',
  declaration_signed_at: 'selfDeclaration/signedAt',
  declaration_method: 'selfDeclaration/method',
  declaration_criminal_offence: 'selfDeclaration/criminalOffence',
  declaration_human_rights_violation: 'selfDeclaration/humanRightsViolation',
  declaration_disciplinary_repatriation: 'selfDeclaration/repatriatedOnDisciplinaryGrounds',
  declaration_misconduct_allegation: 'selfDeclaration/misconductAllegation',
  declaration_explanation: 'selfDeclaration/explanation',
  employment_declaration_no_other_employer: 'employmentDeclaration/noOtherEmployer',
  employment_declaration_form_version: 'employmentDeclaration/formVersion',
  employment_declaration_signed_at: 'employmentDeclaration/signedAt',
  employment_declaration_method: 'employmentDeclaration/method',
} as const;

export type CsvColumn = keyof typeof CSV_COLUMNS;
const BY_PATH = new Map<string, string>(Object.entries(CSV_COLUMNS).map(([column, path]) => [path, column]));

export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The CSV column a submission path came from, for error reports that speak the office's language. */
export function columnOf(path: string): string {
  const exact = BY_PATH.get(path);
  if (exact) return exact;
  if (path.startsWith('person/nationalities')) return 'nationalities';
  if (path === 'person/names' || path.startsWith('person/names/0')) return 'name';
  if (path.startsWith('person/names/1')) return 'name_original_script';
  if (path.startsWith('person/documents')) return 'document_number';
  if (path === 'selfDeclaration') return 'declaration_*';
  if (path === 'employmentDeclaration') return 'employment_declaration_*';
  if (path === 'person/previousEmployers') return 'employer_* (employment history)';
  const employer = /^person\/previousEmployers\/(\d+)/.exec(path);
  if (employer) return `employer_${Number(employer[1]) + 1}_*`;
  return path;
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'si', 'sí']);
const NO = new Set(['no', 'n', 'false', '0', 'non']);

/** "yes"/"no" (and common spellings) to a boolean; anything else is kept so the schema reports it. */
function toBoolean(value: string): boolean | string {
  const v = value.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : value;
}

function set(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('/');
  let node: Record<string, unknown> | unknown[] = target;
  parts.forEach((part, i) => {
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (i === parts.length - 1) (node as Record<string | number, unknown>)[key] = value;
    else {
      const next = (node as Record<string | number, unknown>)[key] ?? (/^\d+$/.test(parts[i + 1] ?? '') ? [] : {});
      (node as Record<string | number, unknown>)[key] = next;
      node = next as Record<string, unknown>;
    }
  });
}

const BOOLEAN_PATHS = new Set([
  'consent/given',
  'selfDeclaration/criminalOffence',
  'selfDeclaration/humanRightsViolation',
  'selfDeclaration/repatriatedOnDisciplinaryGrounds',
  'selfDeclaration/misconductAllegation',
  'employmentDeclaration/noOtherEmployer',
  'person/previousEmployers/0/nationalService',
  'person/previousEmployers/1/nationalService',
  'person/previousEmployers/2/nationalService',
]);

/**
 * One CSV record (header → cell) to the submission shape. Empty cells are absent; upload-wide defaults
 * (mission, rotation, category) fill the nomination where the row has none.
 */
export function csvRecordToSubmission(
  record: Record<string, string>,
  defaults: Record<string, string | undefined>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, path] of Object.entries(CSV_COLUMNS)) {
    const raw = record[column] ?? (column in defaults ? defaults[column] : undefined);
    if (raw === undefined || raw.trim() === '') continue;
    const value = raw.trim();
    if (path === 'person/nationalities')
      set(
        out,
        path,
        value
          .split(/[;|,]/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      );
    else if (BOOLEAN_PATHS.has(path)) set(out, path, toBoolean(value));
    else if (path.endsWith('signedAt') && /^\d{4}-\d{2}-\d{2}$/.test(value)) set(out, path, `${value}T00:00:00Z`);
    else set(out, path, value);
  }
  const person = out.person as { names?: unknown[]; previousEmployers?: unknown[] } | undefined;
  if (person?.names && person.names[0] === undefined) person.names.splice(0, 1); // an original-script name without a written one
  // employer_2 filled and employer_1 empty: keep the given ones, without holes the schema would reject
  if (person?.previousEmployers) person.previousEmployers = person.previousEmployers.filter((e) => e !== undefined);
  return out;
}

/** JSON rows may also leave mission, rotation and category to the upload-wide defaults. */
export function applyNominationDefaults(
  row: Record<string, unknown>,
  defaults: Record<string, string | undefined>,
): Record<string, unknown> {
  const given = defaults.mission || defaults.rotation || defaults.category;
  if (!given || typeof row !== 'object' || row === null) return row;
  const nomination = {
    ...(defaults.mission ? { mission: defaults.mission } : {}),
    ...(defaults.rotation ? { rotation: defaults.rotation } : {}),
    ...(defaults.category ? { category: defaults.category } : {}),
  };
  return { ...row, nomination: { ...nomination, ...(row.nomination as object | undefined) } };
}
