import { describe, expect, it } from 'vitest';
import { screeningResult } from '../testing/domain-fixtures';
import { rescreenEffect, rescreenStart } from './rescreen-plan';
import { afterScreening, erasedSubject, type HitSummary, type StoredResolution, type SubjectState } from './subject';

const v = (listId: string, version: number) => ({ listId, version, contentHash: `${listId}-${version}` });
const summary = (entryId: string, band: HitSummary['band'], listId = 'bar'): HitSummary => ({
  listId,
  entryId,
  entryHash: `h-${entryId}`,
  band,
  score: 0.7,
});
const subject = (over: Partial<SubjectState> = {}): SubjectState => ({
  ...afterScreening(undefined, screeningResult({ listVersions: [v('bar', 3), v('other', 1)] })),
  ...over,
});
const job = { listId: 'bar', version: 4 };
const confirmation: StoredResolution = {
  key: 'k',
  fingerprint: 'fp',
  listId: 'bar',
  entryId: 'E9',
  resolution: 'confirmed',
  reason: 'same person',
  resolvedBy: 'a',
  resolvedAt: 't',
  screeningId: 'c1:0',
};

describe('whether a subject is re-screened against a new list version', () => {
  it('given a withdrawn or erased person, when a list changes, then they are skipped: never screened again', () => {
    expect(rescreenStart(subject({ withdrawn: true }), job, v('bar', 4), true)).toEqual({
      kind: 'skip',
      reason: 'the candidate was withdrawn',
    });
    expect(rescreenStart(erasedSubject(subject()), job, v('bar', 4), true)).toMatchObject({ kind: 'skip', reason: /erased/ });
  });

  it('given the list moved on to another version, when the job runs, then it is refused so it is retried against what is active', () => {
    expect(rescreenStart(subject(), job, v('bar', 5), true)).toMatchObject({ kind: 'list-moved' });
    expect(rescreenStart(subject(), job, undefined, true)).toMatchObject({ kind: 'list-moved' });
  });

  it('given a batch redone after a crash, when the subject already reflects the version, then its first result is repeated', () => {
    const done = subject({ listVersions: [v('bar', 4)], changedByRescreen: 'bar@4' });
    expect(rescreenStart(done, job, v('bar', 4), true)).toMatchObject({ kind: 'done', result: 'changed' });
    expect(rescreenStart({ ...done, changedByRescreen: undefined }, job, v('bar', 4), true)).toMatchObject({
      kind: 'done',
      result: 'skipped',
    });
  });

  it('given nobody on the list concerns the person, when a delta is at hand, then only added or changed entries are searched', () => {
    expect(rescreenStart(subject(), job, v('bar', 4), true)).toMatchObject({
      kind: 'rescreen',
      full: false,
      active: v('bar', 4),
      reason: 'scored against the entries bar@4 added or changed',
    });
    expect(rescreenStart(subject(), job, v('bar', 4), false)).toMatchObject({ kind: 'rescreen', full: true });
  });

  it('given a hit, a weak hit or a confirmed entry on the list, when it changes, then the whole list is scored so an edit away from them is seen', () => {
    const cases = [
      subject({ hits: [summary('E1', 'possible-match')] }),
      subject({ near: [{ listId: 'bar', entryId: 'E2' }] }),
      subject({ resolutions: [confirmation] }),
    ];
    for (const s of cases)
      expect(rescreenStart(s, job, v('bar', 4), true)).toMatchObject({ kind: 'rescreen', full: true, reason: /whole list/ });
  });

  it('given a confirmation taken on other person data, when the list changes, then it does not count as concerning this person', () => {
    const s = subject({ resolutions: [{ ...confirmation, fingerprint: 'someone-else' }] });
    const plan = rescreenStart(s, job, v('bar', 4), true);
    expect(plan).toMatchObject({ kind: 'rescreen', full: false });
    expect(plan.kind === 'rescreen' && plan.confirmed.size).toBe(0);
  });
});

describe('what a re-screening changes', () => {
  const near = [{ listId: 'bar', entryId: 'W1' }];

  it('given the same hits and weak hits, when re-screened, then nothing changes', () => {
    const hits = [summary('E1', 'possible-match')];
    expect(rescreenEffect({ hits, near }, { hits: [...hits], near: [...near] })).toMatchObject({ kind: 'unchanged' });
  });

  it('given only the weak hits moved, when re-screened, then they are remembered and nothing is announced', () => {
    expect(rescreenEffect({ hits: [], near }, { hits: [], near: [] })).toEqual({
      kind: 'near-only',
      reason: 'only the weak hits changed: remembered, not announced',
    });
  });

  it('given a new hit, a hit gone or a band moved, when re-screened, then it is a new screening', () => {
    const before = { hits: [summary('E1', 'possible-match')], near };
    for (const hits of [[], [summary('E1', 'match')], [summary('E1', 'possible-match'), summary('E2', 'possible-match')]])
      expect(rescreenEffect(before, { hits, near })).toMatchObject({ kind: 'changed' });
  });
});
