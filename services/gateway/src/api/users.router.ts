import type { Router } from 'express';
import { actorOf, badRequest, type Logger } from '@vetting/platform';
import type { NewUser, UserStore } from '../data/user.store';

/**
 * The tcc-officer role is scoped to one country; the other roles are not. An office account holds
 * that role alone: a UN or admin role beside it would widen what the office's own token can reach.
 */
function checkScope(input: NewUser): void {
  const office = input.roles.includes('tcc-officer');
  if (office && new Set(input.roles).size > 1)
    throw badRequest('USER.OFFICE_ROLE_ALONE', 'A TCC office account holds the tcc-officer role alone', [
      { field: '/roles', reason: 'tcc-officer cannot be combined with another role' },
    ]);
  if (office && !input.country)
    throw badRequest('USER.COUNTRY_REQUIRED', 'A TCC officer needs a country', [
      { field: '/country', reason: 'required for the tcc-officer role' },
    ]);
  if (!office && input.country)
    throw badRequest('USER.COUNTRY_UNEXPECTED', 'Only a TCC officer has a country', [
      { field: '/country', reason: 'only for the tcc-officer role' },
    ]);
  // A mission scope narrows a UN officer's view; on any other role it would only look like a control.
  if (input.missions?.length && !input.roles.every((r) => MISSION_SCOPED.includes(r)))
    throw badRequest('USER.MISSIONS_UNEXPECTED', 'Only UN screening and adjudicating officers are scoped to missions', [
      { field: '/missions', reason: 'only for the un-screener and un-adjudicator roles' },
    ]);
}

const MISSION_SCOPED = ['un-screener', 'un-adjudicator'];

/** Admin: the local accounts (list, create with a one-time password, disable and enable). */
export function createUsersRoutes(deps: { users: UserStore; logger: Logger; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return (router: Router) => {
    router.get('/api/auth/users', (_req, res) => void res.json({ items: deps.users.list() }));
    router.post('/api/auth/users', async (req, res) => {
      const input = req.body as NewUser;
      checkScope(input);
      const actor = actorOf(req);
      const created = await deps.users.create(
        {
          ...input,
          roles: [...new Set(input.roles)],
          ...(input.missions?.length ? { missions: [...new Set(input.missions.map((m) => m.toUpperCase()))] } : {}),
        },
        actor.id,
        now(),
      );
      deps.logger.info({ username: input.username, roles: input.roles, by: actor.id }, 'local account created');
      res.status(201).json(created);
    });
    router.patch('/api/auth/users/:username', async (req, res) => {
      const actor = actorOf(req);
      const { disabled } = req.body as { disabled: boolean };
      const user = await deps.users.setDisabled(String(req.params.username), disabled, actor.id, now());
      deps.logger.info({ username: user.username, disabled, by: actor.id }, disabled ? 'local account disabled' : 'local account enabled');
      res.json(user);
    });
    router.delete('/api/auth/users/:username/second-factor', async (req, res) => {
      const actor = actorOf(req);
      const user = await deps.users.setSecondFactor(String(req.params.username), undefined, actor.id, now());
      deps.logger.info({ username: user.username, by: actor.id }, 'second factor reset');
      res.json(user);
    });
  };
}
