import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { Field, Page, ProblemMessage } from '../components/ui';

export default function SignIn() {
  const { signIn } = useSession();
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('username')), String(form.get('password')));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? new Error(t('signIn.failed')) : e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Page title={t('signIn.title')}>
      <form onSubmit={submit} aria-describedby="demo-hint">
        <Field id="username" label={t('signIn.username')}>
          <input id="username" name="username" autoComplete="username" required />
        </Field>
        <Field id="password" label={t('signIn.password')}>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>{t('signIn.submit')}</button>
      </form>
      <p id="demo-hint" className="muted">{t('signIn.demo')}</p>
    </Page>
  );
}
