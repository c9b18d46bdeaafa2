import type { EntryName, Gender, IdentityDocument, ListEntry, PartialDate } from '@vetting/matching';

/** Why a person is on the list. `sanctions` covers the UN Security Council and OFAC lists. */
export type BanCategory = 'sea' | 'sexual-harassment' | 'other-misconduct' | 'sanctions';
export const BAN_CATEGORIES: readonly BanCategory[] = ['sea', 'sexual-harassment', 'other-misconduct', 'sanctions'];

/**
 * `barred`: barred from future UN service; `left-pending-allegation`: separated while an allegation was
 * still open (ClearCheck records these too); `listed`: on a sanctions list.
 */
export type BanStatus = 'barred' | 'left-pending-allegation' | 'listed';
export const BAN_STATUSES: readonly BanStatus[] = ['barred', 'left-pending-allegation', 'listed'];

export const GENDERS: readonly Gender[] = ['male', 'female', 'other'];

/** Document types the matcher knows; anything else is `other`. */
export const DOCUMENT_TYPES = ['passport', 'national-id', 'military-id', 'police-id', 'driving-licence', 'other'] as const;

/** One person as the platform stores a ban-list record: richer than the matcher's {@link ListEntry}. */
export interface BanListEntry {
  /** Stable id from the source: UN reference number, OFAC ent_num, or the platform's own id. */
  id: string;
  /** Every name, the primary one first; `script` is an ISO 15924 code (Latn, Arab, Cyrl...). */
  names: EntryName[];
  /** "1975", "1975-03" or "1975-03-14"; ranges are expanded to their years, approximate dates kept to the year. */
  datesOfBirth: PartialDate[];
  /** Free text as the list writes it ("Zurmat District, Paktia Province, Afghanistan"). */
  placesOfBirth: string[];
  /** ISO 3166-1 alpha-2. */
  nationalities: string[];
  gender?: Gender;
  documents: IdentityDocument[];
  serviceNumbers: string[];
  /** Free-text addresses, when the list gives them. */
  addresses?: string[];
  category: BanCategory;
  status: BanStatus;
  /** When the person was put on the list; the OFAC SDN CSV does not say. */
  listingDate?: PartialDate;
  /** Where the record comes from, e.g. "UN SC Consolidated List TAi.005" or a case number. */
  sourceReference: string;
  remarks?: string;
}

/** Maps a platform record onto the only shape the matching engine reads. */
export function toMatchEntry(e: BanListEntry): ListEntry {
  const entry: ListEntry = {
    id: e.id,
    names: e.names.map((n) => ({ ...n })),
    datesOfBirth: [...e.datesOfBirth],
    nationalities: [...e.nationalities],
    documents: e.documents.map((d) => ({ ...d })),
    serviceNumbers: [...e.serviceNumbers],
  };
  if (e.gender) entry.gender = e.gender;
  return entry;
}
