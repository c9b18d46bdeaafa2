import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const eventsDir = fileURLToPath(new URL('../events/', import.meta.url));

type Json = Record<string, unknown>;

const COMMON_REF = 'common.schema.json#/$defs/';

/** Rewrites refs into common.schema.json to local `#/$defs/…` refs. */
function localiseRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(localiseRefs);
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith(COMMON_REF) ? `#/$defs/${v.slice(COMMON_REF.length)}` : localiseRefs(v);
    }
    return out;
  }
  return node;
}

/**
 * Every event type's data schema, self-contained: the shared definitions are inlined as `$defs`,
 * so validators and type generators need no reference resolution across files.
 */
export function loadEventSchemas(dir: string = eventsDir): Record<string, Json> {
  const common = JSON.parse(readFileSync(`${dir}/common.schema.json`, 'utf8')) as { $defs: Json };
  const schemas: Record<string, Json> = {};
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.schema.json') || file === 'common.schema.json') continue;
    const type = file.slice(0, -'.schema.json'.length);
    const raw = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Json;
    schemas[type] = { ...(localiseRefs(raw) as Json), $defs: common.$defs };
  }
  return schemas;
}

/** The CloudEvents 1.0 structured envelope every message carries, with our extensions. */
export const envelopeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'EventEnvelope',
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data', 'correlationid'],
  properties: {
    specversion: { const: '1.0' },
    id: { type: 'string', minLength: 1, maxLength: 100 },
    source: { type: 'string', minLength: 1 },
    // The aggregate (before the first dot) may be several words, hyphenated: action-request.sent.
    type: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*(\\.[a-z-]+)+$' },
    time: { type: 'string', format: 'date-time' },
    subject: { type: 'string', minLength: 1 },
    datacontenttype: { const: 'application/json' },
    data: { type: 'object' },
    correlationid: { type: 'string', minLength: 1 },
    causationid: { type: 'string' },
    tenant: { type: 'string' },
  },
} as const;
