import type { Router } from 'express';
import { paramsOf } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { receiveCallback, type CallbackInput } from '../use-cases/receive-callback.use-case';

/** Late answers of authorities. Public, authenticated by the HMAC signature over the raw body. */
export function createCallbackRoutes(ctx: ReferencesContext) {
  return (router: Router) => {
    router.post('/callbacks/:checkId', async (req, res) => {
      const { checkId } = paramsOf<{ checkId: string }>(req);
      const raw = (req as unknown as { rawBody?: Buffer }).rawBody;
      const signature = req.headers['x-signature'];
      res.json(await receiveCallback(ctx, checkId, raw, typeof signature === 'string' ? signature : undefined, req.body as CallbackInput));
    });
  };
}
