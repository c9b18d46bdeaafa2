import type { BanListEntry } from './ban-list-entry';
import { ProblemCollector } from './import-error';
import type { ImportResult } from './import-result';
import { validatePlatformEntry } from './platform-entry.validator';
import { decodeUtf8, lineOfOffset, type FileContent } from './text-decoding';

const FORMAT = 'platform-json';

/** The one version of the JSON file layout this code reads. */
export const PLATFORM_JSON_FORMAT = 'vetting-banlist';
export const PLATFORM_JSON_VERSION = 1;

/**
 * Imports the platform's JSON file: `{ "format": "vetting-banlist", "version": 1, "entries": [...] }`
 * with entries in the {@link BanListEntry} shape (schema/ban-list.schema.json). Problems name the entry
 * (`row` = its 1-based position, `element` = `entries[i]`) and the property; any problem rejects the file.
 */
export function importPlatformJson(content: FileContent): ImportResult {
  const text = decodeUtf8(content, FORMAT);
  const problems = new ProblemCollector(FORMAT);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    problems.add({
      line: line ? Number(line) : position ? lineOfOffset(text, Number(position)) : undefined,
      reason: `malformed JSON: ${message}`,
    });
    problems.throwIfAny();
  }
  const root = document as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    problems.add({ element: '$', reason: 'expected an object { format, version, entries }' });
    problems.throwIfAny();
  }
  if (root!['format'] !== PLATFORM_JSON_FORMAT) problems.add({ field: 'format', reason: `must be "${PLATFORM_JSON_FORMAT}"` });
  if (root!['version'] !== PLATFORM_JSON_VERSION) problems.add({ field: 'version', reason: `must be ${PLATFORM_JSON_VERSION}` });
  const list = root!['entries'];
  if (!Array.isArray(list)) problems.add({ field: 'entries', reason: 'must be a list' });
  problems.throwIfAny();

  const entries: BanListEntry[] = [];
  const firstOfId = new Map<string, number>();
  (list as unknown[]).forEach((item, i) => {
    const row = i + 1;
    const element = `entries[${i}]`;
    const entry = validatePlatformEntry(item, (field, reason) => problems.add({ row, element, field, reason }));
    if (!entry) return;
    const first = firstOfId.get(entry.id);
    if (first !== undefined) problems.add({ row, element, field: 'id', reason: `id ${entry.id} already used by entry ${first}` });
    else firstOfId.set(entry.id, row);
    entries.push(entry);
  });
  problems.throwIfAny();
  return { entries, warnings: [] };
}
