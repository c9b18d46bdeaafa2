import { describe, expect, it } from 'vitest';
import { redactEventData } from './redact';

describe('redactEventData', () => {
  it('when an event carries a person, then the trail keeps ids and outcomes but no names, dates or documents', () => {
    const { data, dataDigest } = redactEventData({
      candidateId: 'c1',
      country: 'GH',
      person: { names: [{ full: 'Kofi Mensah' }], dateOfBirth: '1980-01-01' },
      hits: [{ entryId: 'BAR-1', score: 0.9, matchedName: 'Kofi Mensa', features: [{ feature: 'name', contribution: 0.9, detail: 'Kofi ~ Kofi' }] }],
    });
    expect(JSON.stringify(data)).not.toMatch(/Kofi|1980/);
    expect(data).toEqual({ candidateId: 'c1', country: 'GH', hits: [{ entryId: 'BAR-1', score: 0.9, features: [{ feature: 'name', contribution: 0.9 }] }] });
    expect(dataDigest).toMatch(/^[0-9a-f]{64}$/);
  });
});
