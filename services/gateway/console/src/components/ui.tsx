import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { textOr, useI18n } from '../i18n/i18n';

/** A screen: its heading takes focus when it opens, so screen readers announce the new page. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}

/** A service's problem+json, with each named field, announced as an alert. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  // A route the service does not have yet: the screen exists before its endpoint lands.
  if (error instanceof ApiError && error.status === 404 && problem?.code === 'HTTP.ROUTE_NOT_FOUND')
    return (
      <p role="alert" className="problem">
        {t('app.coming')}
      </p>
    );
  return (
    <div role="alert" className="problem">
      <strong>{problem?.title ?? t('app.error')}</strong>
      {problem?.detail && problem.detail !== problem.title && <p>{problem.detail}</p>}
      {!problem && <p>{String((error as Error)?.message ?? error)}</p>}
      {problem?.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.slice(0, 20).map((e, i) => (
            <li key={i}>{t('app.fieldError', { field: e.field, reason: e.reason })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ when }: { when: boolean }) {
  const { t } = useI18n();
  return when ? (
    <p aria-live="polite" className="muted">
      {t('app.loading')}
    </p>
  ) : null;
}

const GOOD = new Set(['cleared', 'clear', 'completed', 'verified', 'false-positive']);
const BAD = new Set(['not-cleared', 'match', 'confirmed', 'rejected', 'failed', 'broken', 'withdrawn', 'expired']);

/** Status as text and colour (never colour alone). */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const { t } = useI18n();
  const tone = GOOD.has(status) ? 'good' : BAD.has(status) ? 'bad' : 'wait';
  return <span className={`badge ${tone}`}>{label ?? textOr(t, `status.${status}`, status)}</span>;
}

export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {children}
    </div>
  );
}

export function Empty({ when }: { when: boolean }) {
  const { t } = useI18n();
  return when ? <p className="muted">{t('app.none')}</p> : null;
}
