import { describe, expect, it } from 'vitest';
import { csvCell } from './report-format';

describe('CSV cells', () => {
  it('when a cell starts like a formula, then it is neutralised and quoted', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
  });

  it('when a cell holds quotes or commas, then it stays one cell', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('plain')).toBe('"plain"');
  });
});
