import { useState, type FormEvent } from 'react';
import { Field, ProblemMessage } from './ui';

/**
 * A command that needs a written reason (withdraw, erase, retry, acknowledge): a labelled text box
 * and a button. The reason goes to the service exactly as typed (trimmed); nothing is sent empty.
 */
export function ReasonAction({
  id,
  label,
  button,
  required = true,
  maxLength = 500,
  danger,
  onSubmit,
}: {
  id: string;
  label: string;
  button: string;
  required?: boolean;
  maxLength?: number;
  danger?: boolean;
  onSubmit(reason: string): Promise<unknown>;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(String(new FormData(form).get('reason') ?? '').trim());
      form.reset();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="action">
      <Field id={id} label={label}>
        <textarea id={id} name="reason" required={required} maxLength={maxLength} rows={2} />
      </Field>
      <ProblemMessage error={error} />
      <button type="submit" disabled={busy} className={danger ? 'danger' : ''}>
        {button}
      </button>
    </form>
  );
}
