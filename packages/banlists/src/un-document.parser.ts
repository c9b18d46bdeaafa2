import type { IdentityDocument } from '@vetting/matching';
import { toCountryCode } from './country-codes';
import { text, type XmlNode } from './xml-node';

/**
 * One INDIVIDUAL_DOCUMENT as an identity document, or undefined when it carries no number. Types in
 * English, French or Spanish map to passport / national-id; anything else (birth certificate...) is other.
 */
export function unDocument(doc: XmlNode): IdentityDocument | undefined {
  const kind = text(doc, 'TYPE_OF_DOCUMENT');
  // A few records put the number in the free-text type or note ("tazkira number 545167").
  const number = text(doc, 'NUMBER') || numberIn(text(doc, 'TYPE_OF_DOCUMENT2')) || numberIn(text(doc, 'NOTE'));
  if (!number) return undefined;
  const type = /pass|pasaporte/i.test(kind) ? 'passport' : /national ident/i.test(kind) ? 'national-id' : 'other';
  const document: IdentityDocument = { type, number };
  const country = toCountryCode(text(doc, 'ISSUING_COUNTRY') || text(doc, 'COUNTRY_OF_ISSUE'));
  if (country) document.country = country;
  return document;
}

/** A document number inside free text: "tazkira number 545167", "passport number L 191609", "04643632 issued…". */
function numberIn(value: string): string | undefined {
  const m =
    /(?:\bnumber|\bno\.?|\bcode:?|\bcard|\bSSN)\s+((?:[A-Z]{1,2}-?\s)?[A-Z0-9/-]*\d[A-Z0-9/-]*)/i.exec(value) ??
    /^([A-Z]{0,3}\d[A-Z0-9/-]{3,})\b/i.exec(value);
  return m?.[1]?.replace(/\s+/g, '');
}
