import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './hash-chain';
import { redactEventData } from './redact';

const key = Buffer.alloc(32, 7);

describe('redactEventData', () => {
  it('when an event carries a person, then the trail keeps ids and outcomes but no names, dates or documents', () => {
    const { data, dataDigest } = redactEventData(
      'screening.completed',
      {
        candidateId: 'c1',
        country: 'GH',
        person: { names: [{ full: 'Kofi Mensah' }], dateOfBirth: '1980-01-01' },
        hits: [
          {
            entryId: 'BAR-1',
            score: 0.9,
            matchedName: 'Kofi Mensa',
            features: [{ feature: 'name', contribution: 0.9, detail: 'Kofi ~ Kofi' }],
          },
        ],
      },
      key,
    );
    expect(JSON.stringify(data)).not.toMatch(/Kofi|1980/);
    expect(data).toEqual({
      candidateId: 'c1',
      country: 'GH',
      hits: [{ entryId: 'BAR-1', score: 0.9, features: [{ feature: 'name', contribution: 0.9 }] }],
    });
    expect(dataDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when written free text arrives in clear, then it is left out; a sealed reason is kept sealed, a sealed person dropped', () => {
    const block = { alg: 'A256GCM', kid: 'person:c1', iv: 'i', tag: 't', ct: 'c' };
    expect(
      redactEventData('candidate.withdrawn', { candidateId: 'c1', reason: 'convicted of assault in 2019', personal: block }, key).data,
    ).toEqual({ candidateId: 'c1', personal: block });
    expect(redactEventData('candidate.submitted', { candidateId: 'c1', personal: block }, key).data).toEqual({ candidateId: 'c1' });
  });

  it('when someone guesses the event data, then the digest confirms it only with the audit digest key', () => {
    const guess = { candidateId: 'c1', person: { names: [{ full: 'Kofi Mensah' }], dateOfBirth: '1980-01-01' } };
    const { dataDigest } = redactEventData('candidate.submitted', guess, key);
    const bare = createHmac('sha256', Buffer.alloc(0)).update(canonicalJson(guess)).digest('hex');
    expect(dataDigest).not.toBe(bare);
    expect(dataDigest).toBe(createHmac('sha256', key).update(canonicalJson(guess)).digest('hex'));
    expect(redactEventData('candidate.submitted', guess, Buffer.alloc(32, 8)).dataDigest).not.toBe(dataDigest);
  });
});
