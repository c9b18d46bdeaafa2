import { AppError, createEvent, type EventPublisher } from '@vetting/platform';
import type { AccountChange } from '../data/user.store';

/**
 * Admin changes to local accounts as `access.account-changed` events on the access topic, which the
 * audit service appends to its chain like every other event. Awaited before the change is saved:
 * if Kafka does not acknowledge, the admin gets a 503 and the account stays as it was.
 */
export function createAccountChangePublisher(publisher: EventPublisher) {
  return async (change: AccountChange): Promise<void> => {
    const { account } = change;
    const event = createEvent('gateway', {
      type: 'access.account-changed',
      subject: account.username,
      ...(account.country ? { tenant: account.country } : {}),
      data: {
        actor: change.actor,
        action: change.action,
        account: account.username,
        roles: account.roles,
        ...(account.country ? { country: account.country } : {}),
        ...(account.missions ? { missions: account.missions } : {}),
        at: change.at.toISOString(),
      },
    });
    try {
      await publisher.publish([event]);
    } catch (error) {
      throw new AppError('AUDIT.UNAVAILABLE', 'The change could not be recorded in the audit trail; nothing was changed', {
        status: 503,
        retriable: true,
        cause: error,
      });
    }
  };
}
