import { useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage } from '../components/ui';
import { EmployerForm, type Employer } from '../components/employer-form';

/** One directory entry: its current version, every earlier one (who verified what, when), and a new version. */
export default function EmployerScreen({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const id = params.employerId!;
  const entry = useResource(id, () => api<Employer & { history: Employer[] }>(`/references/employers/${encodeURIComponent(id)}`));
  const [saved, setSaved] = useState(false);
  const e = entry.data;
  return (
    <Page title={t('directory.entry', { name: e?.name ?? '' })}>
      <Loading when={entry.loading} />
      <ProblemMessage error={entry.error} />
      {saved && (
        <p className="notice" role="status">
          {t('directory.saved', { name: e?.name ?? '' })}
        </p>
      )}
      {e && (
        <>
          <h2>{t('directory.versions')}</h2>
          <ol className="timeline">
            {[...e.history].reverse().map((v) => (
              <li key={v.revision ?? v.verifiedAt}>
                {t('policies.version')} {v.revision ?? '—'} · {v.verifiedBy}, {date(v.verifiedAt)} · {t(`directory.status.${v.status}`)}
                <br />
                {v.contacts.map((c) => c.email).join(', ')} · {v.domains.join(', ') || '—'}
                <br />
                <span className="muted">{v.verification}</span>
              </li>
            ))}
          </ol>
          {user!.roles.includes('un-screener') && (
            <section aria-labelledby="new-version">
              <h2 id="new-version">{t('directory.edit', { name: e.name })}</h2>
              <EmployerForm
                key={e.revision}
                employer={e}
                onSaved={() => {
                  setSaved(true);
                  entry.reload();
                }}
              />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
