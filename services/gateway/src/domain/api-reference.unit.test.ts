import { describe, expect, it } from 'vitest';
import { documentForReference, operationsOf, rolesLine } from './api-reference';

const doc = {
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  paths: {
    '/things': {
      get: { operationId: 'listThings', 'x-roles': ['auditor', 'admin'], description: 'Every thing.' },
      post: { operationId: 'addThing', security: [], summary: 'public' },
    },
    '/me': { get: { operationId: 'whoAmI', 'x-roles': [] } },
  },
};

describe('the API reference document', () => {
  it('when an operation names roles, is public or open to any signed-in user, then its line says so', () => {
    expect(rolesLine(doc.paths['/things'].get, doc.security)).toBe('**Roles:** `auditor`, `admin`.');
    expect(rolesLine(doc.paths['/things'].post, doc.security)).toBe('**Roles:** public (no token).');
    expect(rolesLine(doc.paths['/me'].get, doc.security)).toBe('**Roles:** any signed-in user.');
  });

  it('when a service document is prepared, then requests go through the gateway and descriptions start with the roles; the original is untouched', () => {
    const ready = documentForReference(doc, 'intake');
    expect(ready.servers).toEqual([{ url: '/api/intake' }]);
    expect(ready.paths['/things'].get.description).toBe('**Roles:** `auditor`, `admin`.\n\nEvery thing.');
    expect(doc.paths['/things'].get.description).toBe('Every thing.');
    expect(operationsOf(ready)).toEqual(['listThings', 'addThing', 'whoAmI']);
  });
});
