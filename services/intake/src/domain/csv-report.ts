import { FORMULA_START } from './candidate-rules';

/**
 * One CSV cell that is safe to open in a spreadsheet: a value a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe (OWASP CSV injection),
 * and every cell is quoted so commas, quotes and line breaks survive.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;
