import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { startCliSystem, type CliSystem } from './testing/cli-system';

const vetting = (args: string[], env: NodeJS.ProcessEnv) => cli(args, env, fetch);
const DAY = 86_400_000;

/** `vetting action-requests` against the accountability service behind the real gateway (real Kafka and FerretDB). */
describe('vetting action-requests', () => {
  let system: CliSystem;

  beforeAll(async () => {
    system = await startCliSystem({ accountability: true });
  });
  afterAll(async () => system?.stop());

  const send = async (token: string, country: string, candidateId: string) => {
    const sent = await fetch(`${system.server}/api/accountability/action-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        country,
        mission: 'MINUSCA',
        category: 'sea',
        substantiatedOn: '2026-01-20',
        candidateId,
        listEntry: { listId: 'un-sea', entryId: `SEA-${candidateId}` },
        actions: [{ kind: 'investigation', dueBy: new Date(Date.now() + 30 * DAY).toISOString() }],
        summary: 'Sexual exploitation substantiated by OIOS; investigate, hold accountable and report the outcome.',
      }),
    });
    expect(sent.status).toBe(201);
    return ((await sent.json()) as { id: string }).id;
  };

  it("when an office lists its requests for action, then it sees only its own country's; --json is the list; a bad --status is a usage error", async () => {
    const adjudicator = await system.as('un-adj-1', ['un-adjudicator']);
    const ghana = await system.as('gh-office', ['tcc-officer'], 'GH');
    const forGhana = await send(adjudicator.VETTING_TOKEN!, 'GH', 'cand-gh-ar');
    const forNepal = await send(adjudicator.VETTING_TOKEN!, 'NP', 'cand-np-ar');

    const listed = await vetting(['action-requests', 'list', '--status', 'sent'], ghana);
    expect(listed.code, listed.err).toBe(EXIT.ok);
    expect(listed.out).toMatch(/\s+GH\s+MINUSCA\s+sea\s+sent\s+\d{4}-\d\d-\d\d\s+0\s+/);
    expect(listed.out).toContain(forGhana);
    expect(listed.out).not.toContain(forNepal);

    const json = await vetting(['action-requests', 'list', '--json'], ghana);
    expect(json.code, json.err).toBe(EXIT.ok);
    expect((JSON.parse(json.out) as { id: string; country: string }[]).map((r) => [r.id, r.country])).toEqual([[forGhana, 'GH']]);
    expect((await vetting(['action-requests', 'list', '--country', 'NP'], ghana)).code).toBe(EXIT.notFoundOrDenied);
    expect((await vetting(['action-requests', 'list', '--status', 'overdue'], ghana)).out).toBe('No requests for action.');

    const figures = await vetting(['action-requests', 'figures', '--json'], ghana);
    expect(figures.code, figures.err).toBe(EXIT.ok);
    expect(JSON.parse(figures.out)).toMatchObject({ byCountry: { GH: { sent: 1, overdue: 0 } }, totals: { sent: 1 } });
    expect(Object.keys((JSON.parse(figures.out) as { byCountry: object }).byCountry)).toEqual(['GH']);

    const bad = await vetting(['action-requests', 'list', '--status', 'pending'], ghana);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/--status pending is not one of sent, acknowledged, answered, overdue, closed/);
    expect((await vetting(['action-requests', 'figures', '--year', '26'], ghana)).code).toBe(EXIT.usage);
  });
});
