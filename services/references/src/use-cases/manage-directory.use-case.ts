import { randomUUID } from 'node:crypto';
import { badRequest, notFound, type Actor } from '@vetting/platform';
import { employerKey, employerProblems, keysOf, type EmployerEntry, type EmployerInput } from '../domain/employer-directory';
import type { ReferencesContext } from '../references-context';

type Ctx = Pick<ReferencesContext, 'directory' | 'now' | 'onEvents'>;

/** Which entry each name key designates, for the one-name-one-employer rule. */
async function keysTaken(ctx: Ctx): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  for (const e of await ctx.directory.all()) if (e.status === 'active') for (const k of keysOf(e)) taken.set(k, e.employerId);
  return taken;
}

function entryOf(id: string, input: EmployerInput & { status?: EmployerEntry['status'] }, actor: Actor, now: Date): EmployerEntry {
  return {
    employerId: id,
    name: input.name.trim(),
    aliases: [...new Set((input.aliases ?? []).map((a) => a.trim()).filter(Boolean))],
    ...(input.country ? { country: input.country } : {}),
    domains: [...new Set((input.domains ?? []).map((d) => d.trim().toLowerCase()))],
    contacts: input.contacts.map((c) => ({ ...c, email: c.email.trim().toLowerCase() })),
    verification: input.verification.trim(),
    verifiedBy: actor.id,
    verifiedAt: now.toISOString(),
    status: input.status ?? 'active',
  };
}

/** GET /employers: the directory, optionally filtered by a name (any part of a name or alias). */
export async function listEmployers(ctx: Ctx, query: { search?: string; status?: EmployerEntry['status'] }) {
  const needle = query.search ? employerKey(query.search) : '';
  const items = (await ctx.directory.all()).filter(
    (e) => (!query.status || e.status === query.status) && (!needle || keysOf(e).some((k) => k.includes(needle))),
  );
  return { items };
}

export async function getEmployer(ctx: Ctx, employerId: string) {
  const entry = await ctx.directory.get(employerId);
  if (!entry) throw notFound('DIRECTORY.NOT_FOUND', `No employer ${employerId} in the directory`);
  return { ...entry, history: await ctx.directory.history(employerId) };
}

/**
 * POST /employers (new) and PUT /employers/{id} (a new version): a UN screening officer records an
 * organisation with the HR contacts and mail domains they verified, and how. Every version is kept
 * and published (`reference.employer-verified`) with who verified it.
 */
export async function saveEmployer(
  actor: Actor,
  input: EmployerInput & { status?: EmployerEntry['status'] },
  ctx: Ctx,
  target?: { employerId: string },
  key: string = randomUUID(),
) {
  const employerId = target?.employerId ?? `emp-${randomUUID()}`;
  if (target && !(await ctx.directory.get(employerId))) throw notFound('DIRECTORY.NOT_FOUND', `No employer ${employerId} in the directory`);
  const problems = input.status === 'retired' ? [] : employerProblems(input, await keysTaken(ctx), employerId);
  if (problems.length) throw badRequest('DIRECTORY.INVALID_ENTRY', 'The directory entry is not valid', problems);
  const saved = await ctx.directory.save(entryOf(employerId, input, actor, ctx.now()), `directory:${actor.id}:${key}`);
  if (saved.applied) ctx.onEvents();
  return { ...saved.entry, revision: saved.revision };
}
