import type { EventHandler } from '@vetting/platform';
import type { PolicyFollower, PolicyPublished } from '@vetting/policy';

/**
 * Clearance publishes the one vetting policy; intake keeps each version it receives, so a nomination
 * is checked against the newest look-back window (insert-once by version: a redelivery changes nothing).
 */
export function createFollowPolicyHandlers(policies: Pick<PolicyFollower, 'record'>): Record<string, EventHandler> {
  return {
    'clearance.policy-published': async (event, ctx) => {
      const stored = await policies.record(event.data as unknown as PolicyPublished);
      ctx.logger.info({ version: (event.data as { version?: number }).version, stored }, 'vetting policy version received');
    },
  };
}
