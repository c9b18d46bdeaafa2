import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf, type AccessRecorder } from '@vetting/platform';
import type { EmployerEntry, EmployerInput } from '../domain/employer-directory';
import type { ReferencesContext } from '../references-context';
import { confirmContact, listContactConfirmations, type ContactDecision } from '../use-cases/confirm-contact.use-case';
import { getEmployer, listEmployers, saveEmployer } from '../use-cases/manage-directory.use-case';

/** The employer directory and the confirm-contact queue: UN screening officers decide where disclosure requests go. */
export function createDirectoryRoutes(ctx: ReferencesContext, access: AccessRecorder) {
  return (router: Router) => {
    router.get('/employers', async (req, res) => {
      res.json(await listEmployers(ctx, queryOf<{ search?: string; status?: EmployerEntry['status'] }>(req)));
    });
    router.post('/employers', async (req, res) => {
      const saved = await saveEmployer(actorOf(req), req.body as EmployerInput, ctx, undefined, idempotencyKey(req));
      res.status(201).location(`/employers/${saved.employerId}`).json(saved);
    });
    router.get('/employers/:employerId', async (req, res) => {
      res.json(await getEmployer(ctx, paramsOf<{ employerId: string }>(req).employerId));
    });
    router.put('/employers/:employerId', async (req, res) => {
      const { employerId } = paramsOf<{ employerId: string }>(req);
      res.json(
        await saveEmployer(
          actorOf(req),
          req.body as EmployerInput & { status?: EmployerEntry['status'] },
          ctx,
          { employerId },
          idempotencyKey(req),
        ),
      );
    });
    router.get('/contact-confirmations', async (req, res) => {
      res.json(await listContactConfirmations(ctx, access, actorOf(req), queryOf<{ limit?: number }>(req)));
    });
    router.post('/contact-confirmations/:checkId', async (req, res) => {
      const { checkId } = paramsOf<{ checkId: string }>(req);
      const check = await confirmContact(ctx, actorOf(req), checkId, req.body as ContactDecision, idempotencyKey(req) ?? checkId, req.log);
      res.json({ checkId, state: check.state, ...(check.result ? { result: check.result } : {}) });
    });
  };
}
