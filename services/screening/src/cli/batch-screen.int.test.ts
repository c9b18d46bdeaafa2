import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sample = new URL('../../../../packages/banlists/samples/platform-banlist.sample.csv', import.meta.url).pathname;
const cli = new URL('./batch-screen.ts', import.meta.url).pathname;

describe('batch-screen CLI', () => {
  it('when a list file and JSONL queries are given, then one JSONL result per line comes out, bad lines named, progress on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-screen-'));
    const queries = join(dir, 'q.jsonl');
    const out = join(dir, 'r.jsonl');
    writeFileSync(
      queries,
      ['{"id":"a","names":["Tariq Mahmood Kadir"],"dateOfBirth":"1979"}', '{"id":"b","name":"Kwame Mensah"}', '{oops'].join('\n'),
    );
    const result = await run('npx', ['tsx', cli, '--list', sample, '--queries', queries, '--out', out]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((result as { code?: number }).code).toBe(1); // one bad line
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: 'a', outcome: 'possible-match', hits: [expect.objectContaining({ entryId: 'BAR-0001' })] });
    expect(lines[1]).toMatchObject({ id: 'b', outcome: 'clear', hits: [] });
    expect(lines[2]).toMatchObject({ line: 3, error: 'not valid JSON' });
    expect((result as { stderr: string }).stderr).toMatch(/done: 3 lines/);
  });
});
