import type { OpenedCheck } from '../../domain/check';
import { RetriableCheckError, type AdapterRequest, type CheckAdapter } from './check-adapter';
import { postJson } from './http-call';

/**
 * Misconduct-disclosure request (MDS style) to a prior employer's HR system: it carries the
 * candidate's consent and the referee link; the employer answers on the form behind the link.
 */
export function createDisclosureRequestAdapter(endpoint: string): CheckAdapter {
  return {
    async send(check: OpenedCheck, request: AdapterRequest) {
      const employer = check.subject.employer;
      if (!employer || !request.replyUrl) throw new RetriableCheckError('a disclosure request needs an employer and a reply link');
      const { json } = await postJson(
        endpoint,
        {
          checkId: check.checkId,
          employer: employer.name,
          contactEmail: employer.contactEmail,
          candidateName: check.subject.name,
          period: { from: employer.from ?? null, to: employer.to ?? null },
          consent: 'The candidate consented to this disclosure request when nominated.',
          replyUrl: request.replyUrl,
        },
        request.signal,
      );
      const externalRef = (json as { externalRef?: unknown }).externalRef;
      return { kind: 'accepted', externalRef: typeof externalRef === 'string' && externalRef ? externalRef : check.checkId };
    },
  };
}
