import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { guessListFormat, importListFile, parseOfacTrio, problemPlace } from './list-file';
import { readListFile } from './list-file.reader';

const SDN = '10001,"DOE, John",individual,SDGT,-0-,-0-,-0-,-0-,-0-,-0-,-0-,"DOB 01 Jan 1970."\n';
const ALT = '10001,20001,"aka","DOE, Johnny",-0-\n';

describe('guessListFormat', () => {
  it('tells every format from its name and first bytes', () => {
    expect(guessListFormat('un.xml', Buffer.from('<CONSOLIDATED_LIST>'))).toBe('un-consolidated-xml');
    expect(guessListFormat('sdn.xml', Buffer.from('<sdnList xmlns="https://www.treasury.gov/ofac/">'))).toBe('ofac-xml');
    expect(guessListFormat('bar.csv', Buffer.from('\uFEFFid,names\n'))).toBe('platform-csv');
    expect(guessListFormat('sdn.csv', Buffer.from(SDN))).toBe('ofac-sdn-csv');
    expect(guessListFormat('trio.json', Buffer.from('{ "sdn": "" }'))).toBe('ofac-sdn-csv');
    expect(guessListFormat('list.json', Buffer.from('{ "format": "vetting-banlist" }'))).toBe('platform-json');
  });
});

describe('parseOfacTrio', () => {
  it('rejects a body that is not the trio as the file, naming the member', () => {
    expect(() => parseOfacTrio(Buffer.from('not json'))).toThrow(ImportError);
    try {
      parseOfacTrio(Buffer.from('{"alt": 3}'));
      expect.unreachable();
    } catch (error) {
      expect((error as ImportError).problems.map((p) => p.field)).toEqual(['sdn', 'alt']);
    }
  });
});

describe('readListFile', () => {
  it("reads OFAC's sdn.csv with the alt.csv beside it, so aliases are screened too", () => {
    const dir = mkdtempSync(join(tmpdir(), 'list-file-'));
    writeFileSync(join(dir, 'sdn.csv'), SDN);
    writeFileSync(join(dir, 'alt.csv'), ALT);
    const { format, body } = readListFile(join(dir, 'sdn.csv'));
    expect(format).toBe('ofac-sdn-csv');
    const entry = importListFile(format, body).entries[0]!;
    expect(entry.names.map((n) => n.full)).toEqual(
      expect.arrayContaining([expect.stringMatching(/john/i), expect.stringMatching(/johnny/i)]),
    );
  });
});

describe('problemPlace', () => {
  it('names where a problem is, or the whole file', () => {
    expect(problemPlace({ line: 3, row: 2, field: 'names', reason: 'x' })).toBe('line 3 row 2 names');
    expect(problemPlace({ reason: 'x' })).toBe('file');
  });
});
