import { describe, expect, it } from 'vitest';
import type { Actor } from '../http/auth';
import { ACCESS_SUBJECTS_PER_EVENT, recordListRead, type AccessRecord, type AccessRecorder } from './access-recorder';

const actor: Actor = { id: 'u-1', roles: ['un-screener'] };

/** Keeps what would be written, so the records a list read makes can be read back. */
function capturing(): { recorder: Pick<AccessRecorder, 'record'>; records: AccessRecord[] } {
  const records: AccessRecord[] = [];
  return { records, recorder: { record: async (a) => void records.push(a) } };
}

describe('recordListRead', () => {
  it('when the list shows nobody, then nothing is recorded', async () => {
    const { recorder, records } = capturing();
    await recordListRead(recorder, actor, [], { resource: 'x/list', purpose: 'p' });
    expect(records).toEqual([]);
  });

  it('when a person appears twice, then one list record names each person once, with what was read', async () => {
    const { recorder, records } = capturing();
    await recordListRead(recorder, actor, ['c-1', 'c-2', 'c-1'], { resource: 'x/list', purpose: 'p', fields: ['names'] });
    expect(records).toEqual([
      { actor, subjectId: 'list', subjectIds: ['c-1', 'c-2'], resource: 'x/list', purpose: 'p', fields: ['names'] },
    ]);
  });

  it('when the list shows more people than one event may name, then every person is recorded across several records', async () => {
    const { recorder, records } = capturing();
    const ids = Array.from({ length: ACCESS_SUBJECTS_PER_EVENT * 2 + 1 }, (_, i) => `c-${i}`);
    await recordListRead(recorder, actor, ids, { resource: 'x/list', purpose: 'p' });
    expect(records.map((r) => r.subjectIds!.length)).toEqual([ACCESS_SUBJECTS_PER_EVENT, ACCESS_SUBJECTS_PER_EVENT, 1]);
    expect(records.flatMap((r) => r.subjectIds)).toEqual(ids);
  });
});
