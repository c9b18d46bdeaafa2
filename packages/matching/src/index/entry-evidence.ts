/**
 * The evidence of each entry a search visits, as scoreEntry will count it (score/entry-ceiling.ts
 * turns it into the entry's ceiling), without writing the explanations: dates parsed and
 * nationalities folded once per entry and once per query, not once per comparison. The same
 * comparisons as score/evidence.ts (compareOneDob, foldCountry); entry-evidence.unit.test.ts checks
 * the sums against compareDob, compareNationality and compareGender.
 */
import type { ListEntry, PersonQuery } from '../model';
import { compareOneDob, EVIDENCE_WEIGHTS, foldCountry, parseDate, type DateParts } from '../score/evidence';
import type { EntryEvidence } from '../score/entry-ceiling';

export interface EvidenceTable {
  /** Sets the query of the next calls. */
  prepare(query: PersonQuery): void;
  /** The evidence of entry e for the prepared query (written into `out`, returned). Not for decisive entries. */
  evidence(e: number, out: EntryEvidence): EntryEvidence;
}

export function createEvidenceTable(entries: readonly ListEntry[]): EvidenceTable {
  // per entry, filled on first use: its parsed dates of birth and folded nationalities
  const dates: (DateParts[] | undefined)[] = new Array<DateParts[] | undefined>(entries.length);
  const countries: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(entries.length);
  let query: PersonQuery = { names: [] };
  let dob: DateParts | undefined;
  let nationalities: string[] = [];
  let documents = false;
  // per entry, the evidence of the current query (an entry's names are met one by one)
  const stamp = new Int32Array(entries.length);
  const supportOf = new Float64Array(entries.length);
  const penaltyOf = new Float64Array(entries.length);
  let generation = 0;

  return {
    prepare(q) {
      query = q;
      dob = q.dateOfBirth ? parseDate(q.dateOfBirth) : undefined;
      nationalities = (q.nationalities ?? []).map(foldCountry);
      documents = !!(q.documents?.length || q.serviceNumbers?.length);
      generation++;
    },
    evidence(e, out) {
      if (stamp[e] === generation) {
        out.support = supportOf[e]!;
        out.penalty = penaltyOf[e]!;
        return out;
      }
      const entry = entries[e]!;
      let support = 0;
      let penalty = 0;
      if (dob && entry.datesOfBirth.length > 0) {
        const listed = (dates[e] ??= entry.datesOfBirth.flatMap((d) => parseDate(d) ?? []));
        // the best agreement over the listed dates, as compareDob takes it
        let best = -Infinity;
        for (const d of listed) best = Math.max(best, compareOneDob(dob, d).value);
        if (best > 0) support += best;
        else if (best > -Infinity) penalty += best;
      }
      if (nationalities.length > 0 && entry.nationalities.length > 0) {
        const listed = (countries[e] ??= new Set(entry.nationalities.map(foldCountry)));
        if (nationalities.some((c) => listed.has(c))) support += EVIDENCE_WEIGHTS.nationalityAgrees;
        else penalty += EVIDENCE_WEIGHTS.nationalityDiffers;
      }
      if (query.gender && entry.gender) {
        if (query.gender === entry.gender) support += EVIDENCE_WEIGHTS.genderAgrees;
        else penalty += EVIDENCE_WEIGHTS.genderDiffers;
      }
      // An identical number is decisive (such entries are scored apart) or supporting at most this.
      if (documents) support += EVIDENCE_WEIGHTS.documentShort;
      stamp[e] = generation;
      out.support = supportOf[e] = support;
      out.penalty = penaltyOf[e] = penalty;
      return out;
    },
  };
}
