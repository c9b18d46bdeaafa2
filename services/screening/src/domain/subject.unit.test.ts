import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ListHit } from '@vetting/banlists';
import { minimisePerson, personFingerprint } from './screened-person';
import { afterScreening, attachResolutions, hitsChanged, resolveHit, summariseHit, type ScreeningResult } from './subject';

const person = minimisePerson({ names: [{ full: 'Tariq Qadir' }], dateOfBirth: '1979', nationalities: ['PK'] });
const keyed = (key: string) => (text: string) => createHmac('sha256', key).update(text).digest('hex');
const hmac = keyed('screening-fingerprint-key');
const fingerprint = personFingerprint(person, hmac);
const hit = (entryId: string, band: ListHit['band'], entryHash = `h-${entryId}`): ListHit =>
  ({
    listId: 'bar',
    entryId,
    entryHash,
    band,
    score: band === 'weak' ? 0.6 : 0.8,
    matchedName: { full: 'x', kind: 'primary' },
    queryName: 'x',
    features: [],
    words: [],
    summary: '',
  }) as ListHit;
const result = (hits: ListHit[], screeningId = 'c1:1'): ScreeningResult => ({
  candidateId: 'c1',
  country: 'GH',
  candidateRevision: 1,
  person,
  fingerprint,
  screeningId,
  screenedAt: '2026-01-01T00:00:00Z',
  listVersions: [],
  hits,
  near: [],
});

describe('subject decisions', () => {
  it('given a possible match, when it is resolved as a false positive, then the outcome is clear and nothing is pending', () => {
    const state = afterScreening(undefined, result([hit('E1', 'possible-match')]));
    expect(state).toMatchObject({ outcome: 'possible-match', pendingReview: true, pendingSince: '2026-01-01T00:00:00Z' });
    const resolved = resolveHit(state, {
      screeningId: 'c1:1',
      listId: 'bar',
      entryId: 'E1',
      resolution: 'false-positive',
      reason: 'different person',
      resolvedBy: 'u',
      resolvedAt: 'now',
    });
    expect('state' in resolved && resolved.state).toMatchObject({ outcome: 'clear', pendingReview: false });
    expect('state' in resolved && resolved.state.pendingSince).toBeUndefined();
  });

  it('given a decision, when the same person is screened again against the same entry content, then it is carried over; a changed entry is not', () => {
    const state = afterScreening(undefined, result([hit('E1', 'possible-match')]));
    const r = resolveHit(state, {
      screeningId: 'c1:1',
      listId: 'bar',
      entryId: 'E1',
      resolution: 'false-positive',
      reason: 'x',
      resolvedBy: 'u',
      resolvedAt: 'now',
    });
    if (!('state' in r)) throw new Error(r.error);
    const known = new Map([[r.stored.key, r.stored]]);
    const same = attachResolutions([hit('E1', 'possible-match')], fingerprint, known, 'c1:2');
    expect(same[0]!.resolution).toMatchObject({ resolution: 'false-positive', carriedOver: true });
    const changedEntry = attachResolutions([hit('E1', 'possible-match', 'h-new')], fingerprint, known, 'c1:2');
    expect(changedEntry[0]!.resolution).toBeUndefined();
    const otherPerson = attachResolutions(
      [hit('E1', 'possible-match')],
      personFingerprint({ ...person, dateOfBirth: '1980' }, hmac),
      known,
      'c1:2',
    );
    expect(otherPerson[0]!.resolution).toBeUndefined();
  });

  it('given a superseded screening or a resolved hit, when resolving, then it is refused', () => {
    const state = afterScreening(undefined, result([hit('E1', 'possible-match')]));
    expect(
      resolveHit(state, {
        screeningId: 'c1:0',
        listId: 'bar',
        entryId: 'E1',
        resolution: 'confirmed',
        reason: 'x',
        resolvedBy: 'u',
        resolvedAt: 'now',
      }),
    ).toEqual({ error: 'SCREENING.SUPERSEDED' });
    const r = resolveHit(state, {
      screeningId: 'c1:1',
      listId: 'bar',
      entryId: 'E1',
      resolution: 'confirmed',
      reason: 'x',
      resolvedBy: 'u',
      resolvedAt: 'now',
    });
    if (!('state' in r)) throw new Error(r.error);
    expect(r.state.outcome).toBe('match');
    expect(
      resolveHit(r.state, {
        screeningId: 'c1:1',
        listId: 'bar',
        entryId: 'E1',
        resolution: 'confirmed',
        reason: 'x',
        resolvedBy: 'u',
        resolvedAt: 'now',
      }),
    ).toEqual({ error: 'SCREENING.HIT_ALREADY_RESOLVED' });
  });

  it('when only scores move, then the result has not changed; when a hit appears or its band changes, it has', () => {
    const before = [summariseHit(hit('E1', 'possible-match'))];
    expect(hitsChanged(before, [{ ...before[0]!, score: 0.75 }])).toBe(false);
    expect(hitsChanged(before, [...before, summariseHit(hit('E2', 'possible-match'))])).toBe(true);
    expect(hitsChanged(before, [summariseHit(hit('E1', 'match'))])).toBe(true);
    expect(hitsChanged(before, [])).toBe(true);
  });

  it('when the same person data is written differently, then the fingerprint is the same', () => {
    const a = minimisePerson({
      names: [{ full: 'Tariq Qadir' }],
      nationalities: ['PK', 'GB'],
      documents: [{ type: 'passport', number: 'AB-123 456' }],
    });
    const b = minimisePerson({
      names: [{ full: ' tariq qadir' }],
      nationalities: ['GB', 'PK'],
      documents: [{ type: 'passport', number: 'AB123456' }],
    });
    expect(personFingerprint(a, hmac)).toBe(personFingerprint(b, hmac));
  });

  it('when someone guesses a person without the fingerprint key, then their fingerprint does not confirm it', () => {
    // Unkeyed (SHA-256 of the same canonical data), or keyed with another key: no match.
    expect(personFingerprint(person, (t) => createHmac('sha256', '').update(t).digest('hex'))).not.toBe(fingerprint);
    expect(personFingerprint(person, keyed('a guess at the key'))).not.toBe(fingerprint);
  });
});
