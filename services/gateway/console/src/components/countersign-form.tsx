import { useI18n } from '../i18n/i18n';
import { ReasonAction } from './reason-action';

/**
 * The second officer's step of a four-eyes decision: approve or reject what another officer proposed,
 * each with a recorded reason. The proposer sees that it waits for someone else (the services refuse
 * their own countersignature anyway).
 */
export function CountersignForm({
  id,
  proposedBy,
  me,
  onSubmit,
}: {
  id: string;
  proposedBy: string;
  me: string;
  onSubmit(approve: boolean, reason: string): Promise<unknown>;
}) {
  const { t } = useI18n();
  if (proposedBy === me)
    return (
      <p className="notice" role="status">
        {t('fourEyes.waiting')}
      </p>
    );
  return (
    <div role="group" aria-label={t('fourEyes.decision')}>
      <ReasonAction
        id={`${id}-approve`}
        label={t('fourEyes.approveReason')}
        button={t('fourEyes.approve')}
        maxLength={2000}
        onSubmit={(reason) => onSubmit(true, reason)}
      />
      <ReasonAction
        id={`${id}-reject`}
        label={t('fourEyes.rejectReason')}
        button={t('fourEyes.reject')}
        maxLength={2000}
        danger
        onSubmit={(reason) => onSubmit(false, reason)}
      />
    </div>
  );
}
