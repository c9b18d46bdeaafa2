import type { Router } from 'express';
import { isDevelopment, notFound } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';

/** The development mailbox, for tests and the console; absent (404) in production. */
export function createDevMailboxRoutes(ctx: ReferencesContext) {
  return (router: Router) => {
    router.get('/dev/mailbox', async (req, res) => {
      if (!isDevelopment(ctx.config)) throw notFound('HTTP.ROUTE_NOT_FOUND', 'No route for GET /dev/mailbox');
      const { to } = (req.validated?.query ?? {}) as { to?: string };
      res.json({ items: await ctx.mailbox.list(to) });
    });
  };
}
