import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readContingentFile, type FileRow } from './contingent-file.reader';

async function rows(body: Buffer | string, format: 'csv' | 'json', max = 1_000_000): Promise<FileRow[]> {
  const out: FileRow[] = [];
  for await (const r of readContingentFile(Readable.from([Buffer.from(body)]), format, max)) out.push(r);
  return out;
}

describe('reading a contingent file', () => {
  it('when the CSV has a UTF-8 byte-order mark, then it is read like one without', async () => {
    const read = await rows(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name,Date of birth\nÅsa Öberg,1990\n')]), 'csv');
    expect(read).toEqual([{ row: 1, csv: true, record: { name: 'Åsa Öberg', date_of_birth: '1990' } }]);
  });

  it('when the file is Latin-1 or UTF-16, then it is refused naming the encoding', async () => {
    await expect(rows(Buffer.from('name\n\xc5sa\n', 'latin1'), 'csv')).rejects.toMatchObject({ code: 'UPLOAD.NOT_UTF8', status: 415 });
    await expect(rows(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\n', 'utf16le')]), 'csv')).rejects.toThrow(/UTF-16/);
  });

  it('when the file is larger than the limit, then it is refused', async () => {
    await expect(rows(`name\n${'x,'.repeat(100)}\n`, 'csv', 50)).rejects.toMatchObject({ code: 'UPLOAD.TOO_LARGE', status: 413 });
  });

  it('when a column is unknown, then the file is refused naming it', async () => {
    await expect(rows('name,date_of_brith\nA,1990\n', 'csv')).rejects.toThrow(/date_of_brith/);
  });

  it('when a JSON array has a broken element, then only that element is a bad row', async () => {
    const read = await rows('[{"a":"x]}"},\n 42, {"b":[1,{"c":2}]}]', 'json');
    expect(read).toEqual([
      { row: 1, csv: false, record: { a: 'x]}' } },
      { row: 2, problem: 'must be a JSON object' },
      { row: 3, csv: false, record: { b: [1, { c: 2 }] } },
    ]);
    await expect(rows('[{"a":1}', 'json')).rejects.toThrow(/not closed/);
    await expect(rows('{"a":1}', 'json')).rejects.toThrow(/array/);
  });
});
