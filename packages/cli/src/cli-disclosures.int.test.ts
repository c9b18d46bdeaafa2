import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { startCliSystem, type CliSystem } from './testing/cli-system';

const vetting = (args: string[], env: NodeJS.ProcessEnv) => cli(args, env, fetch);

/** `vetting disclosures` against the accountability service behind the real gateway (real Kafka and FerretDB). */
describe('vetting disclosures', () => {
  let system: CliSystem;

  beforeAll(async () => {
    system = await startCliSystem({ accountability: true });
  });
  afterAll(async () => system?.stop());

  it("when an office asks for its figures and its overdue requests, then it gets its own country's; another country is refused; a bad year is a usage error", async () => {
    const ghana = await system.as('gh-office', ['tcc-officer'], 'GH');
    const screener = await system.as('screener-1', ['un-screener']);
    const received = await fetch(`${system.server}/api/accountability/disclosure-requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${screener.VETTING_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        addressedTo: 'GH',
        candidateId: 'cand-gh-cli',
        country: 'GH',
        requester: { organisationId: 'emp-x', contactName: 'HR desk', contactEmail: 'hr@x.example' },
        person: { fullName: 'Kofi Mensah' },
      }),
    });
    expect(received.status).toBe(201);
    const figures = await vetting(['disclosures', 'figures', '--json'], ghana);
    expect(figures.code, figures.err).toBe(EXIT.ok);
    expect(JSON.parse(figures.out)).toMatchObject({ country: 'GH', requestsReceived: 1, responsesProvided: 0 });
    const human = await vetting(['disclosures', 'figures'], ghana);
    expect(human.out).toMatch(/Disclosure requests received: 1/);
    const listed = await vetting(['disclosures', 'list', '--status', 'unverified'], ghana);
    expect(listed.code, listed.err).toBe(EXIT.ok);
    expect(listed.out).toMatch(/MDS-\d{4}-[0-9A-F]{8}\s+GH\s+emp-x\s+unverified/);
    expect((await vetting(['disclosures', 'figures', '--country', 'NP'], ghana)).code).toBe(EXIT.notFoundOrDenied);
    expect((await vetting(['disclosures', 'figures', '--year', '26'], ghana)).code).toBe(EXIT.usage);
  });
});
