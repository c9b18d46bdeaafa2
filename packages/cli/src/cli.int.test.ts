import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { startCliSystem, type CliSystem } from './testing/cli-system';

/** The CLI in-process, over the network to the gateway. */
const vetting = (args: string[], env: NodeJS.ProcessEnv) => cli(args, env, fetch);
const sampleList = fileURLToPath(new URL('../../banlists/samples/platform-banlist.sample.json', import.meta.url));

/**
 * `vetting` against the real intake and screening services (in this process, on the real Kafka,
 * FerretDB and Redis) behind the real gateway, exactly as a user's terminal reaches them.
 */
describe('vetting against the services', () => {
  let system: CliSystem;
  let server: string;
  const as = (sub: string, roles: string[], country?: string) => system.as(sub, roles, country);

  beforeAll(async () => {
    system = await startCliSystem();
    server = system.server;
    const published = await vetting(
      ['lists', 'publish', sampleList, '--list', 'un-bar', '--name', 'UN bar list'],
      await as('screener-1', ['un-screener']),
    );
    expect(published.code, published.err).toBe(EXIT.ok);
  });
  afterAll(async () => system?.stop());

  it('when a screening officer checks a listed person, then the hit and its explanation are printed, and --fail-on-hit exits 1', async () => {
    const screener = await as('screener-1', ['un-screener']);
    const human = await vetting(['check', 'Tariq Mahmood Qadir', '--dob', '1979'], screener);
    expect(human.code, human.err).toBe(EXIT.ok);
    expect(human.out).toMatch(/MATCH +\d\.\d\d +un-bar\/BAR-0001 +Tariq/);
    const json = await vetting(['--json', 'check', 'Tariq Mahmood Qadir', '--dob', '1979', '--fail-on-hit'], screener);
    expect(json.code).toBe(EXIT.failure);
    expect(JSON.parse(json.out).hits[0]).toMatchObject({ listId: 'un-bar', entryId: 'BAR-0001' });
    const nobody = await vetting(['check', 'Wanjiru Achieng Otieno', '--fail-on-hit', '--json'], screener);
    expect(nobody.code).toBe(EXIT.ok);
  });

  it('when an office is not allowed to search the lists, then check exits 3', async () => {
    const office = await vetting(['check', 'Tariq Qadir'], await as('office-gh', ['tcc-officer'], 'GH'));
    expect(office.code).toBe(EXIT.notFoundOrDenied);
  });

  it("when an office nominates people, then candidates status lists its roll, shows one with its timeline, and another country's is not found (3)", async () => {
    const officeEnv = await as('office-gh', ['tcc-officer'], 'GH');
    const submit = async (name: string) => {
      const res = await fetch(`${server}/api/intake/candidates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officeEnv.VETTING_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-9', category: 'military-contingent' },
          person: {
            names: [{ full: name }],
            dateOfBirth: '1990-05-01',
            nationalities: ['GH'],
            previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true }],
          },
          consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
        }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const id = await submit('Kwame Asante Boateng');
    await submit('Akosua Mensah');
    const roll = await waitFor(
      async () => {
        const r = await vetting(['--json', 'candidates', 'status', '--rotation', 'GHANBATT-9'], officeEnv);
        return r.code === EXIT.ok && JSON.parse(r.out).length === 2 ? JSON.parse(r.out) : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, message: 'both candidates on the roll' },
    );
    expect(roll.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['Akosua Mensah', 'Kwame Asante Boateng']);
    const table = await vetting(['candidates', 'status', '--rotation', 'GHANBATT-9'], officeEnv);
    expect(table.out).toMatch(/CASE +NAME +ROTATION +STATUS/);
    expect(table.out).toMatch(/2 candidate\(s\)/);
    const one = await vetting(['candidates', 'status', id], officeEnv);
    expect(one.code).toBe(EXIT.ok);
    expect(one.out).toMatch(/Kwame Asante Boateng +case /);
    expect(one.out).toMatch(/timeline:\n +\d{4}-\d\d-\d\d \d\d:\d\dZ +nominated/);
    const otherCountry = await vetting(['candidates', 'status', id], await as('office-np', ['tcc-officer'], 'NP'));
    expect(otherCountry.code).toBe(EXIT.notFoundOrDenied);
  });
});
