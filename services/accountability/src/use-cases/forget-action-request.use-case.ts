import { eraseRequest, type ActionRequest } from '../domain/action-request';
import type { CaseFileRepository } from '../data/case-file.repository';
import type { TextSealer } from '../data/sealed-text';

export interface ForgetRequestDeps {
  requests: CaseFileRepository<ActionRequest>;
  sealer: Pick<TextSealer, 'shred'>;
}

/**
 * Makes one request for action about an erased person unreadable: its own data key is destroyed
 * (crypto-shredding: the summary, responses and closing reason in every kept revision), then a
 * revision drops the sealed copies and marks it erased, keeping the skeleton the figures count. Both
 * steps are idempotent and the revision's cause is fixed per request. Returns whether this call erased it.
 */
export async function forgetActionRequest(id: string, at: string, deps: ForgetRequestDeps): Promise<boolean> {
  await deps.sealer.shred(id);
  const result = await deps.requests.change(id, `erase:${id}`, (current) => {
    const next = current && eraseRequest(current, at);
    return next ? { state: next, events: [] } : undefined;
  });
  return result.outcome === 'applied';
}
