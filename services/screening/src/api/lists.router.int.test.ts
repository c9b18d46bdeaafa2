import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { eventsOfType, entry, platformFile, startTestScreening } from '../testing/fixtures';

const shared = '/work/shared/data/banlists';
const samples = new URL('../../../../packages/banlists/samples/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, samples));

describe('list imports (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;
  beforeAll(async () => {
    t = await startTestScreening();
  });
  afterAll(async () => t?.service.stop());

  const post = (listId: string, type: string, body: string | Buffer, query = '') =>
    request(t.service.app)
      .post(`/lists/${listId}/versions${query}`)
      .set('authorization', t.screener)
      .set('content-type', type)
      .send(typeof body === 'string' || !type.includes('json') ? body : body.toString('utf8')); // superagent would JSON-encode a Buffer
  const active = async (listId: string) =>
    (await request(t.service.app).get(`/lists/${listId}/versions`).set('authorization', t.screener)).body;

  it('when a platform JSON file is imported, then it becomes version 1 with provenance and banlist.published is emitted', async () => {
    const body = sample('platform-banlist.sample.json');
    const res = await post('bar-json', 'application/json', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ listId: 'bar-json', version: 1, unchanged: false });
    const versions = await active('bar-json');
    expect(versions.items[0]).toMatchObject({
      version: 1,
      active: true,
      provenance: { importedBy: 'officer-un-1', format: 'platform-json' },
    });
    expect(versions.items[0].provenance.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const published = await waitFor(async () =>
      (await eventsOfType(t.env, 'vetting.banlists', 'banlist.published')).find((e) => e.subject === 'bar-json'),
    );
    expect(published.data).toMatchObject({ list: { listId: 'bar-json', version: 1 } });
    const again = await post('bar-json', 'application/json', body);
    expect(again.body).toMatchObject({ version: 1, unchanged: true });
  });

  it('when a platform CSV file is imported, then its entries are screened against', async () => {
    const res = await post('bar-csv', 'text/csv', sample('platform-banlist.sample.csv'));
    expect(res.status).toBe(201);
    expect((await active('bar-csv')).items[0].provenance.format).toBe('platform-csv');
    expect(t.service.lists.versionOf('bar-csv')?.version).toBe(1);
  });

  it('when the UN consolidated XML is imported, then every individual is on the new version', async () => {
    const res = await post('un-sc', 'application/xml', readFileSync(`${shared}/un/un_consolidated_2025-04-19.xml`));
    expect(res.status).toBe(201);
    const v = (await active('un-sc')).items[0];
    expect(v).toMatchObject({ entryCount: 684, provenance: { format: 'un-consolidated-xml' } });
    expect(v.provenance.publishedAt).toBeTruthy();
  });

  it('when the OFAC SDN trio is sent as JSON, then it is imported as one version', async () => {
    const files = Object.fromEntries(['sdn', 'alt', 'add'].map((f) => [f, readFileSync(`${shared}/ofac_sdn_2021/${f}.csv`, 'utf8')]));
    const res = await post('ofac-sdn', 'application/json', JSON.stringify(files));
    expect(res.status).toBe(201);
    expect((await active('ofac-sdn')).items[0]).toMatchObject({ entryCount: 4566, provenance: { format: 'ofac-sdn-csv' } });
  });

  it('when a file has a bad row, then it is rejected naming the row and reason and the active version is unchanged', async () => {
    const csv = sample('platform-banlist.sample.csv').toString('utf8').split('\n');
    const header = csv[0]!;
    const broken = [header, csv[1], csv[2]!.replace(',barred,', ',banished,')].join('\n');
    const res = await post('bar-csv', 'text/csv', broken);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.code).toBe('BANLIST.FILE_REJECTED');
    expect(res.body.errors[0].field).toMatch(/row 3/);
    expect(res.body.errors[0].field).toMatch(/status/);
    const versions = await active('bar-csv');
    expect(versions.activeVersion).toBe(1);
    expect(versions.items).toHaveLength(1);
    expect(t.service.lists.versionOf('bar-csv')?.version).toBe(1);
  });

  it('when malformed XML is sent, then the element or line is named and nothing changes', async () => {
    const res = await post('un-sc', 'application/xml', '<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL></INDIVIDUALS>');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toMatch(/line \d+/);
    expect((await active('un-sc')).activeVersion).toBe(1);
  });

  it('when the OFAC trio lacks sdn.csv, then the missing member is named', async () => {
    const res = await post('ofac-sdn', 'application/json', JSON.stringify({ alt: 'x' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'body/sdn' }));
  });

  it('when entries are added and removed by hand, then each change is a version with a diff of the entries', async () => {
    await post(
      'manual',
      'application/json',
      JSON.stringify(
        platformFile([
          { id: 'M-1', name: 'Jean Claude Mbeki' },
          { id: 'M-2', name: 'Ana Lucia Ferreira' },
        ]),
      ),
    );
    const added = await request(t.service.app)
      .post('/lists/manual/entries')
      .set('authorization', t.screener)
      .send({ entry: entry({ id: 'M-3', name: 'Pavel Sergeyevich Orlov', dateOfBirth: '1971' }), reason: 'OIOS case 2026-11' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ version: 2, diff: { added: 1, removed: 0, changed: 0 } });
    const proposed = await request(t.service.app)
      .delete('/lists/manual/entries/M-1')
      .query({ reason: 'listed in error' })
      .set('authorization', t.screener);
    expect(proposed.status).toBe(202);
    expect((await active('manual')).activeVersion).toBe(2);
    const second = await t.bearer('officer-un-2', ['un-screener']);
    const removed = await request(t.service.app)
      .post(`/lists/manual/pending-versions/${encodeURIComponent(proposed.body.proposalId)}/countersignature`)
      .set('authorization', second)
      .send({ approve: true, reason: 'checked the notice' });
    expect(removed.body.published).toMatchObject({ version: 3, diff: { added: 0, removed: 1, changed: 0 } });
    const diff = await request(t.service.app).get('/lists/manual/versions/3/diff').set('authorization', t.screener);
    expect(diff.body).toMatchObject({ version: 3, previousVersion: 2, removed: [{ id: 'M-1', name: 'Jean Claude Mbeki' }], added: [] });
    const versions = await active('manual');
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions.items[1].provenance).toMatchObject({ format: 'manual-add', reason: 'OIOS case 2026-11' });
    const invalid = await request(t.service.app)
      .post('/lists/manual/entries')
      .set('authorization', t.screener)
      .send({ entry: { id: 'M-9' }, reason: 'test' });
    expect(invalid.status).toBe(400);
    expect((await active('manual')).activeVersion).toBe(3);
    const read = await request(t.service.app).get('/lists/manual/entries/M-3').set('authorization', t.screener);
    expect(read.body).toMatchObject({
      listId: 'manual',
      version: 3,
      entry: { id: 'M-3', names: [expect.objectContaining({ full: 'Pavel Sergeyevich Orlov' })] },
    });
    expect((await request(t.service.app).get('/lists/manual/entries/M-1').set('authorization', t.screener)).status).toBe(404);
    expect((await request(t.service.app).get('/lists/manual/entries/M-3').set('authorization', t.tcc)).status).toBe(403);
  });

  it('when a TCC officer tries to import or read versions, then it is forbidden', async () => {
    const res = await post('bar-json', 'application/json', sample('platform-banlist.sample.json')).set('authorization', t.tcc);
    expect(res.status).toBe(403);
  });
});
