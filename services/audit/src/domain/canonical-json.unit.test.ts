import canonicalizeModule from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

const reference = canonicalizeModule as unknown as (value: unknown) => string | undefined;

describe('canonicalJson (RFC 8785)', () => {
  const samples: unknown[] = [
    { b: 1, a: [true, false, null, 'x'], c: { z: 'é', y: '\u20ac', '\u00e9': 2, A: 3, '': 4 } },
    { numbers: [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345680000, 5e-324, 1.7976931348623157e308, 2 ** 53] },
    { strings: ['"quote"', 'back\\slash', 'line\nbreak', '\u0000\u001f', 'tab\t', '😀', 'עברית', '\u2028'] },
    { nested: [[[]], {}, [{}], { a: { b: { c: [1, { d: 'e' }] } } }], undefinedMember: undefined, arr: [undefined, 1] },
    { '\ud83d\ude00': 'emoji key', a: 'sorts by UTF-16 code units', '\uffff': 'last', '\u0080': 'mid' },
  ];
  it('when any JSON value is canonicalised, then the output equals the reference implementation’s', () => {
    for (const sample of samples) expect(canonicalJson(sample)).toBe(reference(sample));
  });

  it('when a lone surrogate or a non-finite number is given, then it is refused like the reference does', () => {
    expect(() => canonicalJson({ a: '\ud800' })).toThrow();
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});
