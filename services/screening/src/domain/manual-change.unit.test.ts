import { describe, expect, it } from 'vitest';
import { ImportError } from '@vetting/banlists';
import { banEntry } from '../testing/domain-fixtures';
import { applyManualChange } from './manual-change';

const entry = banEntry;
const list = [entry(), entry({ id: 'E2', names: [{ full: 'Jean DUPONT', kind: 'primary' }] })];
const problems = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
  throw new Error('no ImportError');
};

describe('one hand-made change to a list', () => {
  it('given a new valid entry, when added, then the list holds it and the change names it', () => {
    const r = applyManualChange(list, { kind: 'add', entry: entry({ id: 'E3' }) });
    expect(r).toMatchObject({ entryId: 'E3' });
    expect('entries' in r && r.entries.map((e) => e.id)).toEqual(['E1', 'E2', 'E3']);
  });

  it('given an entry on the list, when removed, then the list no longer holds it', () => {
    const r = applyManualChange(list, { kind: 'remove', entryId: 'E2' });
    expect(r).toMatchObject({ entryId: 'E2' });
    expect('entries' in r && r.entries.map((e) => e.id)).toEqual(['E1']);
  });

  it('given an entry not on the list, when removed or corrected, then it is refused naming the entry', () => {
    expect(applyManualChange(list, { kind: 'remove', entryId: 'E9' })).toEqual({ refusal: 'entry-not-found', entryId: 'E9' });
    expect(applyManualChange(list, { kind: 'replace', entryId: 'E9', entry: entry({ id: 'E9' }) })).toEqual({
      refusal: 'entry-not-found',
      entryId: 'E9',
    });
  });

  it('given a correction of E1, when it carries another id, then it is rejected on the id: one step cannot swap one person for another', () => {
    expect(problems(() => applyManualChange(list, { kind: 'replace', entryId: 'E1', entry: entry({ id: 'E2' }) }))).toEqual([
      { field: 'id', reason: 'must be E1, the entry being corrected' },
    ]);
  });

  it('given a correction keeping the id, when applied, then the entry is replaced in place', () => {
    const r = applyManualChange(list, { kind: 'replace', entryId: 'E1', entry: entry({ remarks: 'corrected' }) });
    expect('entries' in r && r.entries[0]).toMatchObject({ id: 'E1', remarks: 'corrected' });
  });

  it('given an id already on the list, when added again, then the importer rejects it rather than overwrite the entry', () => {
    expect(problems(() => applyManualChange(list, { kind: 'add', entry: entry() }))[0]).toMatchObject({ field: 'id' });
  });
});
