import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openapiDir } from './openapi';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const documents = readdirSync(openapiDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, doc: parse(readFileSync(`${openapiDir}${f}`, 'utf8')) as Json }));

const operations = documents.flatMap(({ file, doc }) =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ file, doc, path, method: m, op: item[m] as Json })),
  ),
);

/** Keys whose value is null: an unquoted comma inside a `{ description: … }` flow mapping splits it into keys. */
function nullKeys(node: unknown, at = ''): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (v === null ? [`${at}/${k}`] : nullKeys(v, `${at}/${k}`)));
}

function validatorFor(doc: Json, schema: unknown) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const rewrite = (n: unknown): unknown =>
    Array.isArray(n)
      ? n.map(rewrite)
      : n && typeof n === 'object'
        ? Object.fromEntries(
            Object.entries(n).map(([k, v]) => [
              k,
              k === '$ref' && typeof v === 'string' ? `doc${v}` : rewrite(v),
            ]),
          )
        : n;
  ajv.addSchema({ $id: 'doc', components: rewrite(doc.components ?? {}) } as Json);
  return ajv.compile(rewrite(schema) as Json);
}

describe('OpenAPI documents (contracts/openapi)', () => {
  it('when parsed, then no key has a null value (a description with an unquoted comma turns into keys)', () => {
    expect(documents.flatMap(({ file, doc }) => nullKeys(doc, file))).toEqual([]);
  });

  it('when an operation is documented, then it has a unique operationId, a summary and the roles it needs (x-roles; [] = any signed-in user) or is marked public', () => {
    const problems = operations.flatMap(({ file, path, method, op }) => {
      const where = `${file} ${method.toUpperCase()} ${path}`;
      const out: string[] = [];
      if (!op.operationId) out.push(`${where}: no operationId`);
      if (!op.summary) out.push(`${where}: no summary`);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic && !Array.isArray(op['x-roles'])) out.push(`${where}: neither x-roles nor security: []`);
      return out;
    });
    expect(problems).toEqual([]);
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('when an operation takes a body, then each media type has an example, and a JSON example is valid against its schema', () => {
    const problems = operations.flatMap(({ file, doc, path, method, op }) => {
      const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
      return Object.entries(content).flatMap(([media, body]) => {
        const where = `${file} ${method.toUpperCase()} ${path} (${media})`;
        if (body.example === undefined) return [`${where}: no example`];
        if (!media.includes('json') || !body.schema) return [];
        const validate = validatorFor(doc, body.schema);
        return validate(body.example)
          ? []
          : [`${where}: example invalid: ${JSON.stringify(validate.errors?.slice(0, 3))}`];
      });
    });
    expect(problems).toEqual([]);
  });
});
