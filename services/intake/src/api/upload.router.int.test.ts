import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';
import { IN_SERVICE_CELLS, IN_SERVICE_COLUMNS, inService } from '../testing/nominations';

const HEADER = `name,date_of_birth,nationalities,service_number,rank,consent_given,consent_form_version,consent_signed_at,consent_method,${IN_SERVICE_COLUMNS}`;
const person = (i: number, over: Partial<Record<'name' | 'dob' | 'nat' | 'svc' | 'rank' | 'consent', string>> = {}) =>
  [
    over.name ?? `Soldier Number${i}`,
    over.dob ?? '1990-01-15',
    over.nat ?? 'GH',
    over.svc ?? `GA-${i}`,
    over.rank ?? 'Private',
    over.consent ?? 'yes',
    'UN-HRSP-2024.1',
    '2026-01-10',
    'electronic-signature',
    IN_SERVICE_CELLS,
  ].join(',');
const csv = (lines: string[]) => `${HEADER}\n${lines.join('\n')}\n`;

describe('bulk upload of a contingent (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let gh: string;
  let np: string;

  const upload = (body: string | Buffer, mode: string, rotation: string, token = gh, type = 'text/csv') =>
    request(intake.app)
      .post(`/uploads?mode=${mode}&mission=MINUSCA&rotation=${rotation}&category=military-contingent`)
      .set('authorization', token)
      .set('content-type', type)
      .send(body);
  const finished = (id: string, token = gh) =>
    waitFor(
      async () => {
        const res = await request(intake.app).get(`/uploads/${id}`).set('authorization', token);
        return ['completed', 'rejected', 'failed'].includes(res.body.state) ? res.body : undefined;
      },
      { message: `upload ${id} finished` },
    );
  const roll = async (rotation: string, token = gh) =>
    (await request(intake.app).get(`/candidates?rotation=${rotation}&limit=500`).set('authorization', token)).body.items as {
      id: string;
    }[];

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, { ...env.env, UPLOAD_MAX_BYTES: '200000' }), { jwks: env.issuer.jwks });
    gh = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    np = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
  });
  afterAll(async () => intake?.stop());

  it('when an all-or-nothing upload has bad rows, then nothing is stored and every bad row is reported with its field', async () => {
    const body = csv([
      person(1),
      person(2, { dob: '1990-02-30' }),
      person(3, { nat: 'XX' }),
      person(4, { consent: 'no' }),
      person(5, { rank: '=cmd|calc' }),
    ]);
    const res = await upload(body, 'all-or-nothing', 'AON');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'row 2: date_of_birth', reason: 'is not a date in the calendar' },
      { field: 'row 3: nationalities', reason: 'XX is not an ISO 3166-1 alpha-2 country code' },
      { field: 'row 4: consent_given', reason: 'must be true: vetting needs the candidate’s consent' },
      { field: 'row 5: rank', reason: expect.stringContaining('formula') },
    ]);
    const report = await request(intake.app).get(`/uploads/${res.body.uploadId}`).set('authorization', gh);
    expect(report.body).toMatchObject({ state: 'rejected', rows: { read: 5, valid: 1, invalid: 4, stored: 0 } });
    expect(await roll('AON')).toHaveLength(0);
    const errors = await request(intake.app).get(`/uploads/${res.body.uploadId}/errors.csv`).set('authorization', gh);
    expect(errors.headers['content-type']).toMatch(/text\/csv/);
    const lines = errors.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"row","field","reason"');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['"2"', '"3"', '"4"', '"5"']);
  });

  it('when rows carry no employment history or declaration, then each is reported with the employment column and none is stored', async () => {
    const header =
      'name,date_of_birth,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,employer_1_name,employer_1_role,employer_1_from,employment_declaration_no_other_employer,employment_declaration_form_version,employment_declaration_signed_at,employment_declaration_method';
    const rows = [
      'No History,1990-01-01,GA-E1,yes,v1,2026-01-10,electronic-signature,,,,,,,',
      'Old Job Only,1990-01-01,GA-E2,yes,v1,2026-01-10,electronic-signature,Relief Works,Driver,2012,,,,',
      'Declared None,1990-01-01,GA-E3,yes,v1,2026-01-10,electronic-signature,,,,yes,UN-EMP-2026.1,2026-01-10,wet-signature-scanned',
    ];
    const res = await upload(`${header}\n${rows.join('\n')}\n`, 'all-or-nothing', 'EMPLOY');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        field: 'row 1: employer_* (employment history)',
        reason: expect.stringMatching(/^is required: the employment of the last 5 years/),
      },
      { field: 'row 2: employer_1_email', reason: expect.stringMatching(/HR contact/) },
    ]);
    expect(await roll('EMPLOY')).toHaveLength(0);
    const json = await upload(
      JSON.stringify([
        {
          person: { names: [{ full: 'Json No History' }] },
          consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'recorded-verbal' },
        },
      ]),
      'all-or-nothing',
      'EMPLOY-J',
      gh,
      'application/json',
    );
    expect(json.body.errors).toEqual([{ field: 'row 1: person/previousEmployers', reason: expect.stringMatching(/^is required/) }]);
  });

  it(
    'when an accept-valid-rows upload has bad rows, then the valid ones are stored, published once each, and the bad ones reported',
    { timeout: 120_000 },
    async () => {
      const res = await upload(
        csv([person(11), person(12, { dob: '2031' }), person(13), person(14, { name: '' })]),
        'accept-valid-rows',
        'AVR',
      );
      expect(res.status).toBe(202);
      const done = await finished(res.body.id);
      expect(done).toMatchObject({ state: 'completed', rows: { read: 4, valid: 2, invalid: 2, stored: 2, duplicates: 0 } });
      expect(done.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:date_of_birth', '4:name']);
      const ids = (await roll('AVR')).map((c) => c.id);
      expect(ids).toHaveLength(2);
      const events = (await readTopic(env.kafka, `${env.prefix}vetting.candidates`, 2))
        .map((m) => JSON.parse(m.value) as EventEnvelope)
        .filter((e) => ids.includes(e.subject));
      expect(events.map((e) => e.type)).toEqual(['candidate.submitted', 'candidate.submitted']);
    },
  );

  it(
    'when the same file (or the same people) is uploaded again, then no duplicate is created and the report links the existing candidates',
    { timeout: 120_000 },
    async () => {
      const body = csv([person(21), person(22), person(23)]);
      const first = await finished((await upload(body, 'accept-valid-rows', 'DUP')).body.id);
      expect(first.rows).toMatchObject({ stored: 3, duplicates: 0 });
      const again = await finished((await upload(body, 'accept-valid-rows', 'DUP')).body.id);
      expect(again.rows).toMatchObject({ stored: 0, duplicates: 3 });
      expect(again.duplicates.map((d: { matchedOn: string }) => d.matchedOn)).toEqual([
        'service-number',
        'service-number',
        'service-number',
      ]);
      expect(again.duplicates[0].caseReference).toMatch(/^GH-\d{4}-/);
      // Same person, service number missing: found by name and date of birth; same person twice in one file: linked to the first row.
      const third = await finished(
        (await upload(csv([person(21, { svc: '' }), person(24), person(24)]), 'accept-valid-rows', 'DUP')).body.id,
      );
      expect(third.rows).toMatchObject({ stored: 1, duplicates: 2 });
      expect(third.duplicates.map((d: { row: number; matchedOn: string }) => `${d.row}:${d.matchedOn}`)).toEqual([
        '1:name-and-date-of-birth',
        '3:service-number',
      ]);
      expect(await roll('DUP')).toHaveLength(4);
    },
  );

  it('when a contingent comes as a JSON array, then it is streamed and validated the same way', async () => {
    const row = (i: number, dob = '1985-03') => ({
      person: {
        names: [{ full: `Json Person${i}` }, { full: `جيسون ${'ب'.repeat(i)}`, script: 'Arab' }],
        dateOfBirth: dob,
        serviceNumber: `J-${i}`,
        previousEmployers: [inService],
      },
      consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'recorded-verbal' },
    });
    const res = await upload(JSON.stringify([row(1), row(2, '1985-13'), row(3)]), 'accept-valid-rows', 'JSON', gh, 'application/json');
    expect(res.status).toBe(202);
    const done = await finished(res.body.id);
    expect(done.rows).toMatchObject({ read: 3, valid: 2, invalid: 1, stored: 2 });
    expect(done.errors).toEqual([{ row: 2, field: 'person/dateOfBirth', reason: expect.any(String) }]);
  });

  it('when the file is not UTF-8, too large or of another type, then it is refused with a clear problem and nothing is stored', async () => {
    const latin1 = await upload(
      Buffer.from(`${HEADER}\n${person(31, { name: 'J\xf6rg M\xfcller' })}\n`, 'latin1'),
      'accept-valid-rows',
      'ENC',
    );
    expect(latin1.status).toBe(415);
    expect(latin1.body.title).toMatch(/not valid UTF-8/);
    const utf16 = await upload(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([person(32)]), 'utf16le')]),
      'accept-valid-rows',
      'ENC',
    );
    expect(utf16.status).toBe(415);
    const big = await upload(csv(Array.from({ length: 3000 }, (_, i) => person(1000 + i))), 'accept-valid-rows', 'ENC');
    expect(big.status).toBe(413);
    const xls = await upload('PK\u0003\u0004', 'accept-valid-rows', 'ENC', gh, 'application/vnd.ms-excel');
    expect(xls.status).toBe(415);
    const bom = await upload(`\uFEFF${csv([person(33, { name: 'Åsa Öberg' })])}`, 'accept-valid-rows', 'ENC');
    expect((await finished(bom.body.id)).rows.stored).toBe(1);
    expect(await roll('ENC')).toHaveLength(1);
  });

  it('when another country’s office asks for an upload, then it does not exist for them', async () => {
    const res = await upload(csv([person(41)]), 'accept-valid-rows', 'ISO');
    await finished(res.body.id);
    expect((await request(intake.app).get(`/uploads/${res.body.id}`).set('authorization', np)).status).toBe(404);
    expect((await request(intake.app).get(`/uploads/${res.body.id}/errors.csv`).set('authorization', np)).status).toBe(404);
    expect(await roll('ISO', np)).toHaveLength(0);
  });
});
