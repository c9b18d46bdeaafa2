/**
 * RFC 8785 (JSON Canonicalization Scheme) for the plain JSON values audit entries hold, written
 * for speed: verifying a million entries is dominated by this function. Output is identical to the
 * `canonicalize` package (which the stand-alone bundle verifier uses; a unit test compares them):
 * keys sorted by UTF-16 code units, numbers and strings serialised as ECMAScript JSON.stringify
 * does, undefined members left out. NaN, Infinity and lone surrogates are refused, as there.
 */
/** Native in Node 20 (ES2024), not yet in our TypeScript lib setting. */
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
/** Characters JSON must escape, and surrogates (which need the well-formedness check). */
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(value: string): string {
  if (!NEEDS_CARE.test(value)) return `"${value}"`; // the common case: ids, hashes, codes
  if (!wellFormed(value)) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(value);
}

export function canonicalJson(value: unknown, skip?: ReadonlySet<string>): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} is not allowed`);
      return String(value); // ECMAScript Number::toString, as JSON.stringify and RFC 8785 use (-0 gives "0")
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out +=
            (i ? ',' : '') + (item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : canonicalJson(item));
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol' || skip?.has(key)) continue;
        out += `${first ? '' : ','}${quote(key)}:${canonicalJson(member)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}
