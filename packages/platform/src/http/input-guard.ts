import type { FieldProblem } from '../errors/app-error';

/**
 * Input no service may store or put in a query, whatever its own schema says:
 * - object keys starting with `$` (MongoDB operators: `{"$gt": ""}`, `$where`, `$expr`…), in bodies
 *   and as query parameter names (`status[$ne]=x`): a free-form field must never smuggle an operator
 *   into a filter or an update. `$schema` is the JSON Schema annotation of list files, never an operator.
 * - NUL characters in any string or key: PostgreSQL (FerretDB's backend) refuses `\u0000`, which
 *   turned a fuzzed policy note into a 500 ("unsupported Unicode escape sequence").
 * The first offending field is reported, so the 400 names it.
 */
const ALLOWED_DOLLAR_KEYS = new Set(['$schema']);
const MAX_DEPTH = 64;

function inValue(value: unknown, field: string, depth: number): FieldProblem | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? { field, reason: 'must not contain a NUL character' } : undefined;
  // Raw uploads (ban-list files) are parsed and checked by their importers, field by field.
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return undefined;
  if (depth > MAX_DEPTH) return { field, reason: `is nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = inValue(value[i], `${field}/${i}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const path = `${field}/${key.replace(/\u0000/g, '\\0')}`;
    if (key.startsWith('$') && !ALLOWED_DOLLAR_KEYS.has(key))
      return { field: path, reason: 'is not an allowed field (operators are not accepted)' };
    if (key.includes('\u0000')) return { field: path, reason: 'must not contain a NUL character' };
    const problem = inValue(child, path, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** The first unsafe body field, or undefined. */
export function unsafeBodyField(body: unknown): FieldProblem | undefined {
  return inValue(body, 'body', 0);
}

/** The first unsafe query or path parameter: operator syntax in a name, or a NUL anywhere. */
export function unsafeParameter(where: 'query' | 'path', params: Record<string, unknown>): FieldProblem | undefined {
  for (const [name, value] of Object.entries(params)) {
    if (/[$[\]\u0000]/.test(name))
      return { field: `${where}/${name.replace(/\u0000/g, '\\0')}`, reason: 'is not an allowed parameter name' };
    const problem = inValue(value, `${where}/${name}`, 0);
    if (problem) return problem;
  }
  return undefined;
}
