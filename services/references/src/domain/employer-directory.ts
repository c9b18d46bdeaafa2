/**
 * The employer directory: organisations whose HR contacts or mail domains a UN screening officer has
 * verified. It decides where a misconduct-disclosure request goes, so the office that nominates a
 * person never chooses who vouches for them: a known employer is asked at its verified contact,
 * whatever address the office typed; an unknown one waits for an officer to confirm a contact.
 */
export interface VerifiedContact {
  email: string;
  name?: string;
  role?: string;
}

export interface EmployerEntry {
  employerId: string;
  /** The organisation's name as the directory shows it. */
  name: string;
  /** Other names an office may type for it (acronyms, former names, other languages). */
  aliases: string[];
  country?: string;
  /** Verified mail domains: an answer from an address there is the employer's. */
  domains: string[];
  /** Verified HR contacts; requests go to the first. */
  contacts: VerifiedContact[];
  /** How the contacts were verified (a call to the switchboard, the organisation's website…). */
  verification: string;
  verifiedBy: string;
  verifiedAt: string;
  status: 'active' | 'retired';
}

/** Legal-form words that do not tell employers apart ("Relief Now Ltd" is "Relief Now"). */
const LEGAL_FORMS = new Set([
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'plc',
  'gmbh',
  'sa',
  'sarl',
  'srl',
  'bv',
  'ag',
  'co',
  'corp',
  'corporation',
  'company',
]);

/** The key a name is looked up by: case, accents, punctuation, spacing and a trailing legal form ignored. */
export function employerKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

export const keysOf = (e: Pick<EmployerEntry, 'name' | 'aliases'>) => [...new Set([e.name, ...e.aliases].map(employerKey).filter(Boolean))];

/** Active entries by name key, built once per read of the directory: a look-up is one map access, whatever its size. */
export type EmployerIndex = ReadonlyMap<string, readonly EmployerEntry[]>;

export function indexEmployers(entries: readonly EmployerEntry[], keysFor: (e: EmployerEntry) => string[] = keysOf): EmployerIndex {
  const index = new Map<string, EmployerEntry[]>();
  for (const e of entries) if (e.status === 'active') for (const key of keysFor(e)) index.set(key, [...(index.get(key) ?? []), e]);
  return index;
}

/** The one active entry an employer's name designates; undefined when none or more than one does. */
export function findEmployer(index: EmployerIndex, name: string): EmployerEntry | undefined {
  const found = index.get(employerKey(name)) ?? [];
  return found.length === 1 ? found[0] : undefined;
}

export const domainOf = (email: string) => email.split('@')[1]?.trim().toLowerCase() ?? '';

/** Entries whose verified domains hold this address: hints for the officer confirming an unknown employer's contact. */
export function entriesForDomain(entries: readonly EmployerEntry[], email: string | undefined): EmployerEntry[] {
  const domain = email ? domainOf(email) : '';
  return domain ? entries.filter((e) => e.status === 'active' && e.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) : [];
}

/** What counts as the employer answering: the verified addresses and domains a request was sent under. */
export interface Verified {
  emails: string[];
  domains: string[];
}

export const verifiedOf = (e: Pick<EmployerEntry, 'contacts' | 'domains'>): Verified => ({
  emails: e.contacts.map((c) => c.email.toLowerCase()),
  domains: e.domains.map((d) => d.toLowerCase()),
});

/** Is this address the employer's: a verified contact, or at a verified domain (or a subdomain of one)? */
export function isVerifiedAddress(email: string, verified: Verified): boolean {
  const address = email.trim().toLowerCase();
  const domain = domainOf(address);
  return verified.emails.includes(address) || (domain !== '' && verified.domains.some((d) => domain === d || domain.endsWith(`.${d}`)));
}

export interface EmployerInput {
  name: string;
  aliases?: string[];
  country?: string;
  domains?: string[];
  contacts: VerifiedContact[];
  verification: string;
}

/** Problems of an entry as submitted; `keysTaken` maps a name key to the entry already using it. */
export function employerProblems(input: EmployerInput, keysTaken: Map<string, string>, self?: string): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (!employerKey(input.name)) problems.push({ field: 'body/name', reason: 'must contain letters or digits' });
  for (const key of keysOf({ name: input.name, aliases: input.aliases ?? [] })) {
    const owner = keysTaken.get(key);
    if (owner && owner !== self)
      problems.push({ field: 'body/name', reason: `"${key}" already designates employer ${owner}: one name, one employer` });
  }
  const domains = (input.domains ?? []).map((d) => d.toLowerCase());
  domains.forEach((d, i) => {
    if (!/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d))
      problems.push({ field: `body/domains/${i}`, reason: 'is not a mail domain' });
    if (/^(gmail|googlemail|yahoo|hotmail|outlook|live|icloud|aol|proton|protonmail|gmx|mail|yandex)\./.test(d))
      problems.push({
        field: `body/domains/${i}`,
        reason: 'is a public mail provider: anyone can have an address there; verify individual contacts instead',
      });
  });
  return problems;
}
