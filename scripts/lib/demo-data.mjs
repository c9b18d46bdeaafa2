// Demo data for a development install: the sample ban list and a few nominations, added once.
import { generate } from 'otplib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infra/lib/config.mjs';
import { KEYS_DIR } from './services.mjs';

/** One API call; a 409, 502 or 503 (a service still warming up, a retry to make) is tried again a few times. */
async function call(base, path, { token, method = 'GET', body, headers = {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.ok) return text ? JSON.parse(text) : undefined;
    if (attempt >= 5 || ![409, 502, 503].includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

/**
 * A demo account's access token (5 minutes). Admin and UN roles sign in with their TOTP code too
 * (`totpSecret` in dev-credentials.json); a code works once, so a second sign-in of the same account
 * within the same 30 seconds waits for the next code.
 */
export async function signIn(base, username) {
  const credentials = JSON.parse(readFileSync(join(KEYS_DIR, 'dev-credentials.json'), 'utf8'));
  const { password, totpSecret } = credentials.find((c) => c.username === username);
  for (let attempt = 0; ; attempt++) {
    const code = totpSecret ? await generate({ secret: totpSecret }) : undefined;
    try {
      return (await call(base, '/api/auth/login', { method: 'POST', body: { username, password, ...(code ? { code } : {}) } })).token;
    } catch (error) {
      if (!totpSecret || attempt > 0 || !String(error.message).includes('SECOND_FACTOR_INVALID')) throw error;
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 100));
    }
  }
}

/** The person's own national service since `from`: the employment window is accounted for, the disciplinary record is asked. */
const inService = (from, role) => ({ name: 'Ghana Armed Forces', role, from, nationalService: true });
const year = new Date().getUTCFullYear();

const DEMO_PEOPLE = [
  {
    names: [{ full: 'Kwame Asante Boateng' }],
    dateOfBirth: '1988-03-14',
    nationalities: ['GH'],
    gender: 'male',
    serviceNumber: 'GA-204518',
    previousEmployers: [inService('2008-06', 'Sergeant')],
  },
  {
    names: [{ full: 'Abena Owusu' }],
    dateOfBirth: '1991-07',
    nationalities: ['GH'],
    gender: 'female',
    serviceNumber: 'GA-208841',
    previousEmployers: [inService('2012-01', 'Corporal')],
  },
  {
    names: [{ full: 'Yaw Darko Mensah' }],
    dateOfBirth: '1985',
    nationalities: ['GH'],
    gender: 'male',
    serviceNumber: 'GA-199032',
    previousEmployers: [inService('2005', 'Warrant Officer')],
  },
  // A driver for a relief society (in the employer directory) before enlisting: the disclosure request
  // goes to the directory's verified contact, not to the address the office typed.
  {
    names: [{ full: 'Efua Adjei' }],
    dateOfBirth: '1993-11-02',
    nationalities: ['GH'],
    gender: 'female',
    serviceNumber: 'GA-210077',
    previousEmployers: [
      {
        name: 'Volta Relief Society',
        role: 'Driver',
        contactEmail: 'efua.friend@mail.example',
        from: `${year - 8}-01`,
        to: `${year - 3}-12`,
      },
      inService(`${year - 2}-01`, 'Private'),
    ],
  },
  // Resembles a sample ban-list entry, so the review queue has something to show.
  {
    names: [{ full: 'Tariq Mahmood Qadir' }],
    dateOfBirth: '1979',
    nationalities: ['PK'],
    gender: 'male',
    serviceNumber: 'GA-200001',
    previousEmployers: [inService('2001', 'Captain')],
  },
  // A security firm nobody verified yet: the request waits in the screener's confirm-contact queue.
  {
    names: [{ full: 'Kojo Antwi Frimpong' }],
    dateOfBirth: '1990-05',
    nationalities: ['GH'],
    gender: 'male',
    serviceNumber: 'GA-211904',
    previousEmployers: [
      {
        name: 'Harmattan Security Services',
        role: 'Guard',
        contactEmail: 'manager@harmattan-security.example',
        from: `${year - 6}-03`,
        to: `${year - 2}-02`,
      },
      inService(`${year - 2}-03`, 'Private'),
    ],
  },
];

/** Employers a UN screening officer verified (the demo's employer directory). */
const DEMO_EMPLOYERS = [
  {
    name: 'Volta Relief Society',
    aliases: ['VRS'],
    country: 'GH',
    domains: ['volta-relief.example'],
    contacts: [{ email: 'hr@volta-relief.example', name: 'Human Resources' }],
    verification: 'Demo entry: HR address confirmed by telephone through the number on the society’s registration.',
  },
  {
    name: 'West Africa Water Trust',
    country: 'GH',
    domains: ['wawt.example'],
    contacts: [{ email: 'people@wawt.example', name: 'People team' }],
    verification: 'Demo entry: address published on the trust’s website and confirmed by its head office.',
  },
];

/** Publishes the sample ban list and nominates a few demo candidates, unless already there. */
export async function seedDemoData(base) {
  const screener = await signIn(base, 'screener');
  const lists = await call(base, '/api/screening/lists', { token: screener });
  if (!lists.items.some((l) => l.listId === 'un-peacekeeping-bar-demo')) {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/banlists/samples/platform-banlist.sample.json'), 'utf8'));
    const result = await call(base, '/api/screening/lists/un-peacekeeping-bar-demo/versions?name=UN%20peacekeeping%20bar%20list%20(demo)', {
      token: screener,
      method: 'POST',
      body: file,
    });
    console.log(`demo ban list published: version ${result.version}, ${file.entries.length} entries`);
  }
  const employers = await call(base, '/api/references/employers', { token: screener });
  for (const employer of DEMO_EMPLOYERS.filter((e) => !employers.items.some((x) => x.name === e.name)))
    await call(base, '/api/references/employers', { token: screener, method: 'POST', body: employer });
  console.log(`employer directory: ${DEMO_EMPLOYERS.length} demo employers`);
  const officer = await signIn(base, 'officer.gh');
  const existing = await call(base, '/api/intake/candidates?limit=1', { token: officer });
  if (existing.items.length) return;
  for (const person of DEMO_PEOPLE) {
    await call(base, '/api/intake/candidates', {
      token: officer,
      method: 'POST',
      // A retried nomination (its first answer lost) returns the first result instead of a duplicate.
      headers: { 'idempotency-key': `demo-nomination-${person.serviceNumber}` },
      body: {
        nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-14', category: 'military-contingent' },
        person,
        consent: { given: true, formVersion: 'v1', signedAt: new Date().toISOString(), method: 'electronic-signature' },
      },
    });
  }
  console.log(`demo nominations submitted: ${DEMO_PEOPLE.length} (Ghana, rotation GHANBATT-14)`);
}
