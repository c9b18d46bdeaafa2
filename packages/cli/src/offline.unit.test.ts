import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import { personLine } from './offline-screening';
import { cli } from './testing/run-cli';
import { parseDuration } from './trusted-keys';

describe('offline screening arguments', () => {
  it('when a maximum age is given, then days, hours and minutes are understood and anything else is a usage error', () => {
    expect(parseDuration('7d', '--max-age')).toBe(7 * 86_400_000);
    expect(parseDuration('36h', '--max-age')).toBe(36 * 3_600_000);
    expect(parseDuration('90m', '--max-age')).toBe(90 * 60_000);
    expect(() => parseDuration('a week', '--max-age')).toThrow(/d, h or m/);
  });

  it('when a people line is read, then the screening batch format is understood and a line without a name is named', () => {
    expect(personLine('{"id":7,"name":"Ama Boateng","nationalities":["gh"],"dateOfBirth":"1994"}', 1)).toEqual({
      ref: '7',
      person: { names: ['Ama Boateng'], nationalities: ['GH'], dateOfBirth: '1994' },
    });
    expect(personLine('{"ref":"GH-1","names":["A"]}', 4)).toEqual({ line: 4, error: 'names (or name) is required' });
    expect(personLine('{', 2)).toEqual({ line: 2, error: 'not valid JSON' });
  });

  it('when --batch comes without --offline, or a batch with names, or a check with no name, then it is a usage error (2)', async () => {
    expect((await cli(['check', '--batch', 'people.jsonl'])).code).toBe(EXIT.usage);
    expect((await cli(['check', '--offline', 'b.json', '--batch', 'p.jsonl', 'Some Name'])).code).toBe(EXIT.usage);
    expect((await cli(['check'])).code).toBe(EXIT.usage);
  });

  it('when the bundle or a certificate file is missing, then the command exits 3', async () => {
    expect((await cli(['check', '--offline', '/nonexistent/bundle.json', 'Some Name'])).code).toBe(EXIT.notFoundOrDenied);
    expect((await cli(['certificate', 'verify', '/nonexistent/cert.json'])).code).toBe(EXIT.notFoundOrDenied);
    expect((await cli(['offline', 'upload', '/nonexistent/results.jsonl'])).code).toBe(EXIT.notFoundOrDenied);
  });
});
