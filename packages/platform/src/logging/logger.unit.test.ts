import { describe, expect, it } from 'vitest';
import { loggedRequest, redactUrl } from './logger';

describe('URLs as they are logged', () => {
  it('when a URL holds a referee token, at the service or through the gateway, then the token is cut out and the rest kept', () => {
    expect(redactUrl('/referee/AbC_123-xyz')).toBe('/referee/[redacted]');
    expect(redactUrl('/api/references/referee/AbC_123-xyz?lang=fr')).toBe('/api/references/referee/[redacted]?lang=fr');
    expect(redactUrl('https://vetting.example/api/references/referee/tok#x')).toBe(
      'https://vetting.example/api/references/referee/[redacted]#x',
    );
    expect(redactUrl('/candidates/c-1')).toBe('/candidates/c-1');
  });

  it('when a request is logged, then its URL and Referer are redacted and its path parameters left out', () => {
    const logged = loggedRequest({
      method: 'POST',
      url: '/referee/tok',
      params: { token: 'tok' },
      headers: { referer: 'http://h/api/references/referee/tok', accept: 'text/html' },
    });
    expect(JSON.stringify(logged)).not.toContain('tok"');
    expect(logged).toEqual({
      method: 'POST',
      url: '/referee/[redacted]',
      headers: { referer: 'http://h/api/references/referee/[redacted]', accept: 'text/html' },
    });
  });
});
