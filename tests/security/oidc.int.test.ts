/**
 * Sign-in through any OIDC provider: a service configured only by the provider's issuer and JWKS URL
 * (here a real local HTTP server publishing a Keycloak-shaped discovery document and key set) accepts
 * its tokens, mapping the provider's roles and country claim to the platform's.
 */
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, loadConfig } from '@vetting/platform';
import { createTestServiceEnv, randomName, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../../services/intake/src/config';
import { startIntake } from '../../services/intake/src/start-intake';

interface Provider {
  issuer: string;
  jwksUrl: string;
  discoveryUrl: string;
  jwksRequests: number;
  sign(claims: Record<string, unknown>, options?: { audience?: string; key?: CryptoKey; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

/** An OIDC provider's public side: discovery document and JWKS over HTTP, and a signing key. */
async function startProvider(): Promise<Provider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'provider-key-1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const provider = { jwksRequests: 0 } as Provider;
  const server: Server = createServer((req, res) => {
    if (req.url === '/realms/un/protocol/openid-connect/certs') {
      provider.jwksRequests++;
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    }
    if (req.url === '/realms/un/.well-known/openid-configuration')
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}/realms/un`;
  return Object.assign(provider, {
    issuer,
    jwksUrl: `${issuer}/protocol/openid-connect/certs`,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    sign: (claims: Record<string, unknown>, options: { audience?: string; key?: CryptoKey; kid?: string } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? jwk.kid })
        .setIssuer(issuer)
        .setAudience(options.audience ?? 'vetting-api')
        .setSubject(String(claims.preferred_username ?? 'someone'))
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(options.key ?? privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

describe('OIDC provider tokens accepted by a service configured by issuer and JWKS URL', () => {
  let provider: Provider;
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;

  beforeAll(async () => {
    provider = await startProvider();
    env = await createTestServiceEnv('intake');
    // No key set handed in: the service fetches the provider's JWKS itself, as in production.
    intake = await startIntake(
      loadConfig(intakeConfigSchema, {
        ...env.env,
        AUTH_JWKS: provider.jwksUrl,
        AUTH_ISSUER: provider.issuer,
        AUTH_AUDIENCE: 'vetting-api',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
        AUTH_COUNTRY_CLAIM: 'https://un.org/claims/tcc_country',
        AUTH_ROLE_MAP: 'vetting-tcc=tcc-officer,vetting-screening=un-screener',
      }),
    );
  });
  afterAll(async () => {
    await intake?.stop();
    await env?.cleanup();
    await provider?.close();
  });

  const officerClaims = {
    preferred_username: 'gh.recruitment',
    realm_access: { roles: ['offline_access', 'vetting-tcc'] },
    'https://un.org/claims/tcc_country': 'gh',
  };
  const nomination = () => ({
    nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
    person: {
      names: [{ full: `Kofi Boateng ${randomName('p')}` }],
      dateOfBirth: '1988-02',
      nationalities: ['GH'],
      previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true }],
    },
    consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
  });

  it('when a TCC officer signed in at the provider nominates, then the mapped role and country apply (the key set came over HTTP)', async () => {
    const token = await provider.sign(officerClaims);
    const res = await request(intake.app).post('/candidates').set('authorization', `Bearer ${token}`).send(nomination());
    expect(res.status).toBe(201);
    expect(res.body.country).toBe('GH');
    expect(provider.jwksRequests).toBeGreaterThan(0);
    // Country scope from the mapped claim: another country's list is refused to this officer.
    const other = await request(intake.app).get('/candidates?country=NP').set('authorization', `Bearer ${token}`);
    expect(other.status).toBe(403);
  });

  it('when a provider group maps to a UN role, then that role is granted', async () => {
    const token = await provider.sign({ preferred_username: 'un.screener', realm_access: { roles: ['vetting-screening'] } });
    const res = await request(intake.app).get('/candidates?country=GH').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
  });

  it('when the token carries only provider roles that map to nothing, then 401', async () => {
    const token = await provider.sign({ preferred_username: 'someone', realm_access: { roles: ['offline_access', 'uma_authorization'] } });
    expect((await request(intake.app).get('/candidates').set('authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('when a token is signed by a key the provider does not publish, then 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await provider.sign(officerClaims, { key: privateKey });
    expect((await request(intake.app).get('/candidates').set('authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it("when only the provider's discovery URL is configured, then its key set is found through jwks_uri", async () => {
    const before = provider.jwksRequests;
    const verify = createTokenVerifier({
      jwks: { url: provider.discoveryUrl },
      issuer: provider.issuer,
      audience: 'vetting-api',
      claims: { roles: 'realm_access.roles', country: 'https://un.org/claims/tcc_country', roleMap: { 'vetting-tcc': 'tcc-officer' } },
    });
    const actor = await verify(await provider.sign(officerClaims));
    expect(actor).toMatchObject({ id: 'gh.recruitment', roles: ['tcc-officer'], country: 'GH' });
    expect(provider.jwksRequests).toBeGreaterThan(before);
  });

  it('when a provider token was issued for another audience, then 401', async () => {
    const token = await provider.sign(officerClaims, { audience: 'some-other-app' });
    expect((await request(intake.app).get('/candidates').set('authorization', `Bearer ${token}`)).status).toBe(401);
  });
});
