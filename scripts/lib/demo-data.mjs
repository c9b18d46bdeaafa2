// Demo data for a development install: the sample ban list and a few nominations, added once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../infra/lib/config.mjs';
import { KEYS_DIR } from './services.mjs';

async function call(base, path, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function signIn(base, username) {
  const credentials = JSON.parse(readFileSync(join(KEYS_DIR, 'dev-credentials.json'), 'utf8'));
  const { password } = credentials.find((c) => c.username === username);
  return (await call(base, '/api/auth/login', { method: 'POST', body: { username, password } })).token;
}

const DEMO_PEOPLE = [
  { names: [{ full: 'Kwame Asante Boateng' }], dateOfBirth: '1988-03-14', nationalities: ['GH'], gender: 'male', serviceNumber: 'GA-204518' },
  { names: [{ full: 'Abena Owusu' }], dateOfBirth: '1991-07', nationalities: ['GH'], gender: 'female', serviceNumber: 'GA-208841' },
  { names: [{ full: 'Yaw Darko Mensah' }], dateOfBirth: '1985', nationalities: ['GH'], gender: 'male', serviceNumber: 'GA-199032' },
  { names: [{ full: 'Efua Adjei' }], dateOfBirth: '1993-11-02', nationalities: ['GH'], gender: 'female', serviceNumber: 'GA-210077' },
  // Resembles a sample ban-list entry, so the review queue has something to show.
  { names: [{ full: 'Tariq Mahmood Qadir' }], dateOfBirth: '1979', nationalities: ['PK'], gender: 'male', serviceNumber: 'GA-200001' },
];

/** Publishes the sample ban list and nominates a few demo candidates, unless already there. */
export async function seedDemoData(base) {
  const screener = await signIn(base, 'screener');
  const lists = await call(base, '/api/screening/lists', { token: screener });
  if (!lists.items.some((l) => l.listId === 'un-peacekeeping-bar-demo')) {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/banlists/samples/platform-banlist.sample.json'), 'utf8'));
    const result = await call(base, '/api/screening/lists/un-peacekeeping-bar-demo/versions?name=UN%20peacekeeping%20bar%20list%20(demo)', { token: screener, method: 'POST', body: file });
    console.log(`demo ban list published: version ${result.version}, ${file.entries.length} entries`);
  }
  const officer = await signIn(base, 'officer.gh');
  const existing = await call(base, '/api/intake/candidates?limit=1', { token: officer });
  if (existing.items.length) return;
  for (const person of DEMO_PEOPLE) {
    await call(base, '/api/intake/candidates', {
      token: officer,
      method: 'POST',
      body: {
        nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-14', category: 'military-contingent' },
        person,
        consent: { given: true, formVersion: 'v1', signedAt: new Date().toISOString(), method: 'electronic-signature' },
      },
    });
  }
  console.log(`demo nominations submitted: ${DEMO_PEOPLE.length} (Ghana, rotation GHANBATT-14)`);
}
