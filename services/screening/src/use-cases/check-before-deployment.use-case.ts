import { randomUUID } from 'node:crypto';
import { AppError, type AccessRecorder, type Actor } from '@vetting/platform';
import type { PersonQuery } from '@vetting/matching';
import type { ActiveLists } from '../domain/active-lists';
import type { CheckRepository } from '../data/check.repository';
import type { RateLimiter } from '@vetting/platform';

export interface CheckDeps {
  lists: ActiveLists;
  checks: CheckRepository;
  limiter: RateLimiter;
  access: AccessRecorder;
  now: () => Date;
}

export interface CheckRequest {
  names: string[];
  dateOfBirth?: string;
  nationalities?: string[];
  gender?: 'male' | 'female' | 'other';
  documents?: { type?: string; number: string; country?: string }[];
  serviceNumbers?: string[];
  purpose: string;
  limit?: number;
}

/**
 * An ad-hoc "check before deployment": ranked hits over every active list, weak ones included to
 * help the officer. Each user has a token bucket (the lists must not be enumerable by scripted
 * searches); every search is stored and its read recorded before the results are returned.
 */
export async function checkBeforeDeployment(actor: Actor, request: CheckRequest, deps: CheckDeps) {
  const { allowed, retryAfterMs } = await deps.limiter.take(actor.id);
  if (!allowed) {
    const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new AppError('CHECK.RATE_LIMITED', `Too many searches; try again in ${retryAfter} s`, {
      status: 429,
      extensions: { retryAfter },
    });
  }
  const { purpose, limit = 10, ...person } = request;
  const query: PersonQuery = { ...person, documents: person.documents ?? [], serviceNumbers: person.serviceNumbers ?? [] };
  const { versions, hits } = deps.lists.screen(query, { limitPerList: limit });
  const ranked = hits.slice(0, limit);
  const id = randomUUID();
  await deps.checks.insert({
    _id: id,
    actor: actor.id,
    roles: actor.roles,
    purpose,
    query: { ...person },
    listVersions: versions.map((v) => ({ listId: v.listId, version: v.version })),
    hits: ranked.map((h) => ({ listId: h.listId, entryId: h.entryId, score: Math.round(h.score * 1000) / 1000, band: h.band })),
    at: deps.now().toISOString(),
  });
  await deps.access.record({
    actor,
    subjectId: `check:${id}`,
    subjectIds: ranked.map((h) => `${h.listId}:${h.entryId}`.slice(0, 100)),
    resource: 'screening/check-before-deployment',
    purpose: purpose.slice(0, 200),
    fields: ['listEntries'],
  });
  return { checkId: id, listVersions: versions, hits: ranked.map(({ resolution: _r, ...h }) => h) };
}
