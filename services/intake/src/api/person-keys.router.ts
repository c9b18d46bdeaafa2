import type { Router } from 'express';
import { actorOf, forbidden } from '@vetting/platform';
import type { PersonalCipher } from '../data/personal-data.cipher';

/**
 * The person-key authority (`POST /person-keys/lookup`, service tokens only): the keys other
 * services open and seal people's data with. Only the services named in `clients` are answered.
 */
export function createPersonKeyRoutes(deps: { cipher: Pick<PersonalCipher, 'lookupPersonKeys'>; clients: readonly string[] }) {
  return (router: Router) => {
    router.post('/person-keys/lookup', async (req, res) => {
      const actor = actorOf(req);
      if (!deps.clients.includes(actor.id))
        throw forbidden('PERSON_KEYS.NOT_A_CLIENT', `The ${actor.id} service does not open personal data`);
      res.json(await deps.cipher.lookupPersonKeys((req.body as { persons: string[] }).persons));
    });
  };
}
