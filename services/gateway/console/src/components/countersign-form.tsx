import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Field, ProblemMessage } from './ui';

/**
 * The second officer's step of a four-eyes decision: approve or reject what another officer proposed,
 * with a recorded reason. The proposer sees that it waits for someone else (the services refuse
 * their own countersignature anyway).
 */
export function CountersignForm({ id, proposedBy, me, onSubmit }: { id: string; proposedBy: string; me: string; onSubmit(approve: boolean, reason: string): Promise<unknown> }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (proposedBy === me) return <p className="notice" role="status">{t('fourEyes.waiting')}</p>;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(form.get('decision') === 'approve', String(form.get('reason') ?? '').trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="action">
      <fieldset>
        <legend>{t('fourEyes.decision')}</legend>
        <label style={{ display: 'block' }}><input type="radio" name="decision" value="approve" required /> {t('fourEyes.approve')}</label>
        <label style={{ display: 'block' }}><input type="radio" name="decision" value="reject" /> {t('fourEyes.reject')}</label>
        <Field id={`${id}-reason`} label={t('fourEyes.reason')}><textarea id={`${id}-reason`} name="reason" required minLength={3} maxLength={2000} rows={2} /></Field>
      </fieldset>
      <ProblemMessage error={error} />
      <button type="submit" disabled={busy}>{t('fourEyes.submit')}</button>
    </form>
  );
}
