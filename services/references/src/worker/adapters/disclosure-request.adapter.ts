import type { OpenedCheck } from '../../domain/check';
import { PermanentCheckError, RetriableCheckError, type AdapterRequest, type CheckAdapter } from './check-adapter';
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
      // Only a verified contact is ever asked (the directory's, or one a screening officer confirmed), never the one the office typed.
      if (!employer.requestTo) throw new PermanentCheckError('the employer has no verified contact');
      const { json } = await postJson(
        endpoint,
        {
          checkId: check.checkId,
          employer: employer.name,
          contactEmail: employer.requestTo,
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
