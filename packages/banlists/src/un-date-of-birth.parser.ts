import type { PartialDate } from '@vetting/matching';
import { isPartialDate, yearOf, yearsBetween } from './partial-date';
import type { XmlNode } from './xml-node';

/**
 * Dates of birth from one INDIVIDUAL_DATE_OF_BIRTH element (or an alias's DATE_OF_BIRTH):
 * EXACT keeps the date or year; APPROXIMATELY keeps only the year, so a guessed day or month never
 * contradicts the candidate's real one; BETWEEN becomes every year of the range.
 */
export function unDatesOfBirth(node: XmlNode, warn: (reason: string) => void): PartialDate[] {
  const get = (key: string): string => (typeof node[key] === 'string' ? (node[key] as string).trim() : '');
  const type = get('TYPE_OF_DATE').toUpperCase();
  if (type === 'BETWEEN') {
    const years = yearsBetween(Number(get('FROM_YEAR')), Number(get('TO_YEAR')));
    if (!years) warn(`BETWEEN ${get('FROM_YEAR')} and ${get('TO_YEAR')} is no year range; dropped`);
    return years ?? [];
  }
  const value = get('DATE') || get('YEAR');
  if (!value) return [];
  const date = /^\d{4}-\d{2}-\d{2}(T|Z|[+-]\d{2}:\d{2})/.test(value) ? value.slice(0, 10) : value;
  if (!isPartialDate(date)) {
    warn(`date of birth "${value}" unreadable; dropped`);
    return [];
  }
  return [type === 'APPROXIMATELY' ? yearOf(date) : date];
}
