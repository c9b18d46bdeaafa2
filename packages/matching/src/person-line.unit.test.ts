import { describe, expect, it } from 'vitest';
import { parsePersonLine } from './person-line';

describe('parsePersonLine', () => {
  it('reads a person with the reference the office gave', () => {
    expect(
      parsePersonLine('{"ref":"GH-1","names":["Ama Boateng","A"],"nationalities":["gh"],"documents":[{"number":"P1"},{"no":1}]}', 1),
    ).toEqual({ ref: 'GH-1', person: { names: ['Ama Boateng'], nationalities: ['GH'], documents: [{ number: 'P1' }] } });
    expect(parsePersonLine('{"id":7,"name":"Kofi Mensah","gender":"male"}', 2)).toEqual({
      ref: '7',
      person: { names: ['Kofi Mensah'], gender: 'male' },
    });
  });

  it('names the line that is not JSON or has no name, instead of screening nobody as clear', () => {
    expect(parsePersonLine('{', 4)).toEqual({ line: 4, error: 'not valid JSON' });
    expect(parsePersonLine('{"names":["A"]}', 5)).toEqual({ line: 5, error: 'names (or name) is required' });
  });
});
