import { recordListRead, type AccessRecorder, type Actor } from '@vetting/platform';

/**
 * A list as one may read it: filtered by status when asked, and, when it shows anyone, access
 * records naming every person on it (the read of a list is a read of each person's request).
 */
export async function listRead<T extends { status: string; candidateId: string }>(
  actor: Actor,
  all: T[],
  status: string | undefined,
  access: AccessRecorder,
  what: { resource: string; purpose: string; fields: string[] },
): Promise<{ items: T[] }> {
  const items = status ? all.filter((r) => r.status === status) : all;
  const people = items.map((r) => r.candidateId);
  await recordListRead(access, actor, people, what);
  return { items };
}
