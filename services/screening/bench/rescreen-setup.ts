import type { BanListEntry } from '@vetting/banlists';
import { minimisePerson, personFingerprint } from '../src/domain/screened-person';
import { afterScreening, type SubjectState } from '../src/domain/subject';
import type { ScreeningDeps } from '../src/use-cases/record-screening.use-case';
import { screenCandidate } from '../src/use-cases/screen-candidate.use-case';
import { seeded, syntheticPerson, type SyntheticPerson } from './synthetic-people';

/**
 * OFAC v2: `plantedPerSide` entries removed and as many synthetic people added, 20 entries changed (a
 * new alias). Each removed and added entry has a candidate planted on it, whose outcome changes.
 */
export function nextOfacVersion(ofac: BanListEntry[], plantedPerSide = 100) {
  const rand = seeded(42);
  const dated = ofac.filter((e) => e.datesOfBirth.some((d) => d.length === 10) && e.names[0]!.full.split(/[\s,]+/).length >= 3);
  const removed = dated.filter((_, i) => i % 7 === 0).slice(0, plantedPerSide);
  const removedIds = new Set(removed.map((e) => e.id));
  // Added people use names outside the candidates' name pool, so only the planted candidates hit them.
  const added: BanListEntry[] = Array.from({ length: plantedPerSide }, (_, i) => {
    const p = {
      ...syntheticPerson(rand),
      name: `${ADDED_GIVEN[i % ADDED_GIVEN.length]} ${ADDED_SURNAMES[Math.floor(i / ADDED_GIVEN.length) % ADDED_SURNAMES.length]}`,
    };
    return {
      id: `BENCH-ADD-${i}`,
      names: [{ full: p.name, kind: 'primary' }],
      datesOfBirth: [p.dateOfBirth],
      placesOfBirth: [],
      nationalities: [p.nationality],
      documents: [],
      serviceNumbers: [],
      category: 'sanctions',
      status: 'listed',
      sourceReference: 'bench',
    };
  });
  const changedIds = new Set(
    ofac
      .filter((e) => !removedIds.has(e.id))
      .filter((_, i) => i % 200 === 1)
      .slice(0, 20)
      .map((e) => e.id),
  );
  const v2 = [
    ...ofac
      .filter((e) => !removedIds.has(e.id))
      .map((e) =>
        changedIds.has(e.id) ? { ...e, names: [...e.names, { full: `${e.names[0]!.full} Junior`, kind: 'weak-alias' as const }] } : e,
      ),
    ...added,
  ];
  const planted: SyntheticPerson[] = [
    ...removed.map((e) => ({
      name: e.names[0]!.full,
      dateOfBirth: e.datesOfBirth.find((d) => d.length === 10)!,
      nationality: e.nationalities[0] ?? 'GH',
    })),
    ...added.map((e) => ({ name: e.names[0]!.full, dateOfBirth: e.datesOfBirth[0]!, nationality: e.nationalities[0]! })),
  ];
  return { v2, planted };
}

const ADDED_GIVEN = [
  'Zbigniew',
  'Ottokar',
  'Wendelin',
  'Eulalia',
  'Radoslav',
  'Hrafnkell',
  'Ingeborg',
  'Leopoldine',
  'Thorvald',
  'Xiomara',
];
const ADDED_SURNAMES = [
  'Quackenbush',
  'Wojciechowski',
  'Vanderhoeven',
  'Throckmorton',
  'Szczepanski',
  'Oyelaran-Bakare',
  'Kristiansdottir',
  'Featherstonehaugh',
  'Zubiri-Etxeberria',
  'Mbuthia-Kamau',
];

const idOf = (i: number) => `cand-${String(i).padStart(7, '0')}`;

/**
 * N subjects: the planted ones screened for real (through the consumer's use case), the rest
 * written in bulk as screened clear on the current versions (their screening is not what is measured).
 */
export async function seedSubjects(n: number, planted: SyntheticPerson[], deps: ScreeningDeps): Promise<string[]> {
  const rand = seeded(7);
  const step = Math.floor(n / planted.length);
  const plantedAt = new Map(planted.map((p, i) => [i * step + 3, p]));
  const at = new Date().toISOString();
  const versions = deps.lists.versions();
  let chunk: SubjectState[] = [];
  for (let i = 0; i < n; i++) {
    const p = plantedAt.get(i);
    if (p) {
      const data = {
        candidateId: idOf(i),
        country: 'GH',
        revision: 1,
        nomination: { mission: 'BENCH', rotation: 'R1', category: 'military-contingent' as const },
        person: { names: [{ full: p.name }] as [{ full: string }], dateOfBirth: p.dateOfBirth, nationalities: [p.nationality] as [string] },
        consent: { given: true as const, formVersion: 'v1', recordedAt: at },
      };
      await screenCandidate(data, 'submitted', `seed:${idOf(i)}`, deps);
      continue;
    }
    const q = syntheticPerson(rand);
    const person = minimisePerson({ names: [{ full: q.name }], dateOfBirth: q.dateOfBirth, nationalities: [q.nationality] });
    chunk.push(
      afterScreening(undefined, {
        candidateId: idOf(i),
        country: 'GH',
        candidateRevision: 1,
        person,
        fingerprint: personFingerprint(person, deps.fingerprint),
        screeningId: `${idOf(i)}:1`,
        screenedAt: at,
        listVersions: versions,
        hits: [],
        near: [],
      }),
    );
    if (chunk.length === 5000) {
      await deps.subjects.seedForBenchmark(chunk, at);
      chunk = [];
    }
  }
  if (chunk.length) await deps.subjects.seedForBenchmark(chunk, at);
  return [...plantedAt.keys()].map(idOf);
}
