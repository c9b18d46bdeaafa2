import { describe, expect, it } from 'vitest';
import { osaDistance, osaWithin } from './string-distance';

describe('osaWithin', () => {
  it('when asked whether two words are within k edits, then it answers as the full distance does', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 11) }, () => 'abcdeo'[Math.floor(rnd() * 6)]).join('');
    let near = 0;
    for (let n = 0; n < 20_000; n++) {
      const a = word();
      // half the pairs are a word and a copy with a few edits, so that small distances are common
      const b =
        rnd() < 0.5 ? word() : a.slice(0, Math.floor(rnd() * a.length)) + word().slice(0, 2) + a.slice(Math.floor(rnd() * a.length));
      const d = osaDistance(a, b);
      for (let k = 0; k <= 4; k++) expect(osaWithin(a, b, k), `${a} / ${b} within ${k}`).toBe(d <= k);
      if (d <= 2) near++;
    }
    expect(near).toBeGreaterThan(1000);
  });

  it('when a transposition is the only difference, then it counts as one edit', () => {
    expect(osaWithin('mohmamed', 'mohammed', 1)).toBe(true);
    expect(osaWithin('ca', 'ac', 0)).toBe(false);
  });
});
