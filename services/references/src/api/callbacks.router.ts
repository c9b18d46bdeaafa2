import type { Router } from 'express';
import { paramsOf } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { receiveCallback, type CallbackInput } from '../use-cases/receive-callback.use-case';

/** Late answers of authorities. Public, authenticated by the authority's HMAC signature of the request. */
export function createCallbackRoutes(ctx: ReferencesContext) {
  return (router: Router) => {
    router.post('/callbacks/:checkId', async (req, res) => {
      const { checkId } = paramsOf<{ checkId: string }>(req);
      const raw = (req as unknown as { rawBody?: Buffer }).rawBody;
      const signature = req.headers['x-signature'];
      res.json(
        await receiveCallback(ctx, checkId, {
          method: req.method,
          raw,
          signature: typeof signature === 'string' ? signature : undefined,
          input: req.body as CallbackInput,
        }),
      );
    });
  };
}
