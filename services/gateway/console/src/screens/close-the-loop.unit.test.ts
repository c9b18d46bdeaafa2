import { describe, expect, it } from 'vitest';
import { SCREENS, allowed } from '../app/screens';
import { parseResults } from './offline.screen';

describe('offline results file', () => {
  it('when the file starts with the bundle it was screened with, then its rows are sent with that bundle', () => {
    const text = [
      '{"format":"vetting-offline-results/1","bundleId":"b-1","bundleContentHash":"sha256:ab"}',
      '{"ref":"GH-1","screenedAt":"2026-03-02T09:00:00Z","outcome":"clear","hits":[],"person":{"names":["Ama Boateng"]}}',
      '',
    ].join('\n');
    expect(parseResults(text)).toEqual({
      bundleId: 'b-1',
      bundleContentHash: 'sha256:ab',
      results: [{ ref: 'GH-1', screenedAt: '2026-03-02T09:00:00Z', outcome: 'clear', person: { names: ['Ama Boateng'] } }],
    });
  });

  it('when the file is a people list, a bundle, or empty, then it is not taken for results', () => {
    expect(parseResults('{"id":"GH-1","names":["Ama"]}')).toBeNull();
    expect(parseResults('{"format":"vetting-list-bundle/1"}')).toBeNull();
    expect(parseResults('{"format":"vetting-offline-results/1","bundleId":"b","bundleContentHash":"h"}')).toBeNull();
  });
});

describe('who opens the screens around vetting', () => {
  it('when an auditor signs in, then they see certificates, people statistics and safeguarding, but not offline screening', () => {
    const paths = SCREENS.filter((s) => allowed(s, ['auditor'])).map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(['/certificates', '/statistics/people', '/safeguarding']));
    expect(paths).not.toContain('/offline');
  });
});
