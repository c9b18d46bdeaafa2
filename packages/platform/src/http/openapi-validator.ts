import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { badRequest, type FieldProblem } from '../errors/app-error';
import { compileOnFirstUse, type Validator } from './compile-on-first-use';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SPEC_ID = 'openapi:spec';

export interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  roles: string[];
  /** Public operations need no token (health, referee links, sign-in). */
  public: boolean;
  regex: RegExp;
  paramNames: string[];
  validateBody?: Validator;
  bodyRequired: boolean;
  validateQuery?: Validator;
  validatePath?: Validator;
  /** Header parameters the contract declares (e.g. `Idempotency-Key`), names in lower case. */
  validateHeaders?: Validator;
  headerNames: string[];
  responses: Map<string, Validator>;
}

/** Turns ajv errors into field problems a client can act on ("body/person/dateOfBirth: must match…"). */
export function toFieldProblems(location: string, errors: ErrorObject[] | null | undefined): FieldProblem[] {
  return (errors ?? []).map((e) => {
    let field = `${location}${e.instancePath}`;
    let reason = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      field += `/${(e.params as { missingProperty: string }).missingProperty}`;
      reason = 'is required';
    }
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const params = e.params as { additionalProperty?: string; unevaluatedProperty?: string };
      field += `/${params.additionalProperty ?? params.unevaluatedProperty}`;
      reason = 'is not an allowed field';
    }
    if (e.keyword === 'enum') reason = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    return { field, reason };
  });
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node))
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${SPEC_ID}${v}` : rewriteRefs(v);
    return out;
  }
  return node;
}

function paramsSchema(params: Json[], where: string): Json | undefined {
  const own = params.filter((p) => p.in === where);
  if (!own.length) return undefined;
  return {
    type: 'object',
    additionalProperties: where !== 'query',
    required: own.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(own.map((p) => [p.name, p.schema ?? {}])),
  };
}

/** A malformed percent-encoding (`%E0%A4%A`) is the client's mistake: a 400 naming the parameter, not a 500. */
function decodePathSegment(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest('HTTP.INVALID_REQUEST', 'A path parameter is not valid percent-encoding', [
      { field: `path/${name}`, reason: 'is not valid percent-encoding' },
    ]);
  }
}

/**
 * Turns an OpenAPI 3.1 document into per-operation validators (JSON Schema 2020-12 via ajv), each
 * compiled on its first use.
 * The document stays the source of truth: requests are checked against it before any handler runs,
 * and tests check responses against it.
 */
export class OpenApiValidator {
  readonly operations: Operation[] = [];
  readonly spec: Json;
  private readonly ajv: Ajv2020;

  constructor(specPath: string) {
    this.spec = parse(readFileSync(specPath, 'utf8')) as Json;
    this.ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: SPEC_ID, components: rewriteRefs(this.spec.components ?? {}) } as Json);
    const queryAjv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true });
    addFormats(queryAjv);
    queryAjv.addSchema({ $id: SPEC_ID, components: rewriteRefs(this.spec.components ?? {}) } as Json);
    for (const [pathTemplate, item] of Object.entries((this.spec.paths ?? {}) as Record<string, Json>)) {
      const shared = (item.parameters ?? []) as Json[];
      for (const method of METHODS) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        // A parameter may be a `$ref` to components/parameters: resolve it, or its `in` and schema would be lost.
        const params = [...shared, ...((op.parameters ?? []) as Json[])]
          .map((p) => (typeof p.$ref === 'string' ? (this.resolve(p.$ref) as Json) : p))
          .map((p) => rewriteRefs(p) as Json);
        const paramNames = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
        const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
        const bodySchema = body?.['application/json']?.schema;
        const query = paramsSchema(params, 'query');
        const path = paramsSchema(params, 'path');
        // Header names are case-insensitive; node hands them over in lower case.
        const headers = paramsSchema(
          params.filter((p) => p.in === 'header').map((p) => ({ ...p, name: String(p.name).toLowerCase() })),
          'header',
        );
        const responses = new Map<string, Validator>();
        for (const [status, res] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
          const resolved = (typeof res.$ref === 'string' ? this.resolve(res.$ref) : res) as Json;
          const content = resolved.content as Record<string, Json> | undefined;
          const schema = content?.['application/json']?.schema ?? content?.['application/problem+json']?.schema;
          if (schema) responses.set(status, compileOnFirstUse(this.ajv, rewriteRefs(schema) as Json));
        }
        this.operations.push({
          operationId: String(op.operationId ?? `${method} ${pathTemplate}`),
          method: method.toUpperCase(),
          pathTemplate,
          roles: (op['x-roles'] as string[] | undefined) ?? [],
          public: Array.isArray(op.security) && op.security.length === 0,
          regex: new RegExp(`^${pathTemplate.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`),
          paramNames,
          validateBody: bodySchema ? compileOnFirstUse(this.ajv, rewriteRefs(bodySchema) as Json) : undefined,
          bodyRequired: Boolean((op.requestBody as Json | undefined)?.required),
          validateQuery: query ? compileOnFirstUse(queryAjv, query) : undefined,
          validatePath: path ? compileOnFirstUse(this.ajv, path) : undefined,
          validateHeaders: headers ? compileOnFirstUse(this.ajv, headers) : undefined,
          headerNames: Object.keys((headers?.properties as Json | undefined) ?? {}),
          responses,
        });
      }
    }
  }

  private resolve(ref: string): unknown {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], this.spec);
  }

  /** Finds the operation for a request path (relative to the service's base path). */
  match(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined {
    for (const operation of this.operations) {
      if (operation.method !== method) continue;
      const m = operation.regex.exec(path);
      if (!m) continue;
      const params = Object.fromEntries(operation.paramNames.map((n, i) => [n, decodePathSegment(n, m[i + 1] ?? '')]));
      return { operation, params };
    }
    return undefined;
  }

  /** Checks a response body against the documented schema of its status; returns the problems found. */
  validateResponse(method: string, path: string, status: number, body: unknown): FieldProblem[] {
    const found = this.match(method, path);
    if (!found) return [{ field: 'operation', reason: `${method} ${path} is not documented` }];
    const validate = found.operation.responses.get(String(status)) ?? found.operation.responses.get('default');
    if (!validate) return found.operation.responses.size ? [{ field: 'status', reason: `${status} is not documented` }] : [];
    return validate(body) ? [] : toFieldProblems('response', validate.errors);
  }
}
