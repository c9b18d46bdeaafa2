import { describe, expect, it } from 'vitest';
import { employerKey, employerProblems, findEmployer, indexEmployers, isVerifiedAddress, type EmployerEntry } from './employer-directory';

const entry = (over: Partial<EmployerEntry>): EmployerEntry => ({
  employerId: 'emp-1',
  name: 'Médecins Example',
  aliases: ['MX'],
  domains: ['mx.example'],
  contacts: [{ email: 'hr@mx.example' }],
  verification: 'website',
  verifiedBy: 's',
  verifiedAt: '2026-01-01T00:00:00Z',
  status: 'active',
  ...over,
});

describe('employer directory', () => {
  it('when a name differs only in case, accents, punctuation or a legal form, then it designates the same employer', () => {
    expect(employerKey('MÉDECINS  example, Ltd.')).toBe('medecins example');
    expect(findEmployer(indexEmployers([entry({})]), 'medecins-example')?.employerId).toBe('emp-1');
    expect(findEmployer(indexEmployers([entry({})]), 'mx')?.employerId).toBe('emp-1');
  });

  it('when two entries claim a name, or the entry is retired, then the name designates no one (the request is held)', () => {
    expect(findEmployer(indexEmployers([entry({}), entry({ employerId: 'emp-2' })]), 'Médecins Example')).toBeUndefined();
    expect(findEmployer(indexEmployers([entry({ status: 'retired' })]), 'Médecins Example')).toBeUndefined();
  });

  it('when an answer comes from a verified contact, the verified domain or a subdomain, then it is the employer’s; otherwise not', () => {
    const verified = { emails: ['chief@partner.example'], domains: ['mx.example'] };
    for (const ok of ['HR@mx.example', 'a.b@geneva.mx.example', 'chief@partner.example'])
      expect(isVerifiedAddress(ok, verified)).toBe(true);
    for (const no of ['hr@mx.example.evil.example', 'hr@notmx.example', 'someone@gmail.com'])
      expect(isVerifiedAddress(no, verified)).toBe(false);
  });

  it('when an entry reuses another’s name or a public mail provider as domain, then each is refused naming the field', () => {
    const taken = new Map([['medecins example', 'emp-9']]);
    const problems = employerProblems(
      { name: 'Medecins Example', domains: ['gmail.com', 'not a domain'], contacts: [{ email: 'x@y.example' }], verification: 'checked' },
      taken,
    );
    expect(problems.map((p) => p.field)).toEqual(['body/name', 'body/domains/0', 'body/domains/1']);
  });
});
