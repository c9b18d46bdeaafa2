import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { Field, Page, ProblemMessage } from '../components/ui';

interface Enrolment {
  enrolmentToken: string;
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/**
 * Sign-in: user name and password, then — for admin and UN roles — the code of the authenticator
 * app; the first time such an account signs in, the app is added here (QR code or key) and its
 * first code confirms it.
 */
export default function SignIn() {
  const { signIn, completeEnrolment } = useSession();
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  const explain = (e: unknown) => {
    if (!(e instanceof ApiError)) return e;
    if (e.problem.code === 'AUTH.INVALID_CREDENTIALS') return new Error(t('signIn.failed'));
    if (e.problem.code === 'AUTH.SECOND_FACTOR_INVALID') return new Error(t('signIn.codeWrong'));
    if (e.status === 429) return new Error(t('signIn.wait', { seconds: String(e.retryAfter ?? 1) }));
    return e;
  };
  const run = async (attempt: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await attempt();
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === 'AUTH.SECOND_FACTOR_REQUIRED') setNeedsCode(true);
      else if (e instanceof ApiError && e.problem.code === 'AUTH.SECOND_FACTOR_ENROLMENT_REQUIRED')
        setEnrolment(e.problem.enrolment as Enrolment);
      else setError(explain(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const given = credentials ?? { username: String(form.get('username')), password: String(form.get('password')) };
    setCredentials(given);
    const code = form.get('code');
    void run(() => signIn(given.username, given.password, code ? String(code).trim() : undefined));
  };
  const enrol = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code')).trim();
    void run(() => completeEnrolment(enrolment!.enrolmentToken, code));
  };
  const codeField = (
    <Field id="code" label={t('signIn.code')}>
      <input
        id="code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        aria-describedby="code-hint"
      />
    </Field>
  );

  if (enrolment)
    return (
      <Page title={t('signIn.enrolTitle')}>
        <p>{t('signIn.enrolIntro')}</p>
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('signIn.enrolQr')} width={200} height={200} />
        <p>
          {t('signIn.enrolKey')} <code>{enrolment.secret}</code>
        </p>
        <form onSubmit={enrol}>
          {codeField}
          <p id="code-hint" className="muted">
            {t('signIn.codeHint')}
          </p>
          <ProblemMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('signIn.enrolConfirm')}
          </button>
        </form>
      </Page>
    );
  return (
    <Page title={t('signIn.title')}>
      <form onSubmit={submit} aria-describedby="demo-hint">
        <Field id="username" label={t('signIn.username')}>
          <input id="username" name="username" autoComplete="username" required readOnly={needsCode} defaultValue={credentials?.username} />
        </Field>
        {!needsCode && (
          <Field id="password" label={t('signIn.password')}>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </Field>
        )}
        {needsCode && (
          <>
            {codeField}
            <p id="code-hint" className="muted">
              {t('signIn.codeHint')}
            </p>
          </>
        )}
        <ProblemMessage error={error} />
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p id="demo-hint" className="muted">
        {t('signIn.demo')}
      </p>
    </Page>
  );
}
