import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError, type ImportFormat } from './import-error';

/** An element as fast-xml-parser gives it with `ignoreAttributes` and string values. */
export type XmlNode = Record<string, unknown>;

/**
 * Validates then parses XML. fast-xml-parser's parser is lenient about broken markup, so the validator runs
 * first: it is the one that reports the line and column of an unclosed tag.
 */
export function parseXml(text: string, format: ImportFormat, arrayTags: ReadonlySet<string>): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ImportError(format, [{ line: valid.err.line, reason: `malformed XML: ${valid.err.msg} (column ${valid.err.col})` }]);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    // Keep "007" and "1961" as written: ids and document numbers are strings.
    parseTagValue: false,
    trimValues: true,
    captureMetaData: true,
    isArray: (name) => arrayTags.has(name),
  });
  return parser.parse(text) as XmlNode;
}

const META = XMLParser.getMetaDataSymbol();

/** Offset of an element's start tag in the source, when the parser recorded it. */
export function startOffset(node: XmlNode): number | undefined {
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  return meta?.startIndex;
}

/** 1-based line numbers for character offsets, by binary search over line starts. */
export function createLineLocator(text: string): (offset: number | undefined) => number | undefined {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    if (offset === undefined) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Trimmed text of a child element, collapsing the line breaks lists put inside values; '' when absent. */
export function text(node: XmlNode, key: string): string {
  const v = node[key];
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'].replace(/\s+/g, ' ').trim();
  return '';
}

/** Child elements that are real nodes; `<X/>` placeholders (parsed as '') are dropped. */
export function children(node: XmlNode, key: string): XmlNode[] {
  const v = node[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter(isNode);
}

/** Texts of repeated `<VALUE>` children, as the UN list writes multi-valued fields. */
export function values(node: XmlNode, key: string): string[] {
  return children(node, key).flatMap((c) => {
    const v = c['VALUE'];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return list
      .filter((x): x is string => typeof x === 'string')
      .map((x) => x.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  });
}
