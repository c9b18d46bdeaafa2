import { describe, expect, it } from 'vitest';
import { countersignatureDecision, publicationGate } from './version-publication';

const active = { activeVersion: 4, contentHash: 'h4' };
const nobody = { removed: [], reidentified: [] };
const takesOff = {
  removed: [{ id: 'E2', name: 'Tariq Mehmood QADIR' }],
  reidentified: [{ id: 'E5', name: 'Jean DUPONT', fields: ['documents'] }],
};

describe('where a new list version stands', () => {
  it('given no list yet, when entries are published, then they become version 1', () => {
    expect(publicationGate(undefined, 'h1', undefined)).toEqual({ kind: 'new-version', version: 1, reason: 'the list’s first version' });
  });

  it('given an active version, when different entries are published, then they become the next version', () => {
    expect(publicationGate(active, 'h5', undefined)).toEqual({ kind: 'new-version', version: 5, reason: 'changes version 4' });
  });

  it('given an active version, when the same entries are published again, then no version is made', () => {
    expect(publicationGate(active, 'h4', undefined)).toEqual({
      kind: 'unchanged',
      version: 4,
      reason: 'the same entries as the active version',
    });
  });

  it('given a countersigned proposal over version 3, when version 4 is active, then it is superseded: the second officer approved another change', () => {
    expect(publicationGate(active, 'h5', 3)).toEqual({
      kind: 'superseded',
      activeVersion: 4,
      reason: 'proposed over version 3, but version 4 is active',
    });
  });

  it('given a countersigned proposal, when its list has gone, then it is superseded rather than published as a first version', () => {
    expect(publicationGate(undefined, 'h5', 3)).toMatchObject({ kind: 'superseded', activeVersion: undefined });
  });

  it('given a countersigned proposal over the active version, when published, then it becomes the next version', () => {
    expect(publicationGate(active, 'h5', 4)).toMatchObject({ kind: 'new-version', version: 5 });
  });
});

describe('whether a list version needs a second officer', () => {
  it('given a version that takes nobody off, when one officer publishes it, then it is published at once', () => {
    expect(countersignatureDecision(nobody, 'a')).toEqual({
      stage: false,
      reasons: ['takes nobody off the list: one officer publishes it'],
    });
  });

  it('given a version that removes or re-identifies people, when one officer publishes it, then it is staged naming each person', () => {
    expect(countersignatureDecision(takesOff, 'a')).toEqual({
      stage: true,
      reasons: [
        'removes E2 (Tariq Mehmood QADIR)',
        're-identifies E5 (Jean DUPONT): documents',
        'takes people off the list: a second officer must countersign',
      ],
    });
  });

  it('given a version that takes someone off, when the proposer names themself as the countersigner, then it is still staged', () => {
    const d = countersignatureDecision(takesOff, 'a', 'a');
    expect(d.stage).toBe(true);
    expect(d.reasons.at(-1)).toBe('the proposer cannot countersign their own version: a second officer must');
  });

  it('given a version that takes someone off, when a different officer countersigned it, then it is published and the countersigner named', () => {
    const d = countersignatureDecision({ removed: takesOff.removed, reidentified: [] }, 'a', 'b');
    expect(d).toEqual({ stage: false, reasons: ['removes E2 (Tariq Mehmood QADIR)', 'countersigned by b, a second officer'] });
  });
});
