import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useSession } from '../api/session';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { EmployerForm, type Employer } from '../components/employer-form';

/**
 * The employer directory: organisations whose HR contacts and mail domains a UN screening officer
 * verified. A known employer's disclosure request goes to its verified contact, whatever an office typed.
 */
export default function Employers() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const search = query.get('search') ?? '';
  const employers = useResource(`employers?${search}`, () =>
    api<{ items: Employer[] }>('/references/employers', { query: { search: search || undefined } }),
  );
  const [saved, setSaved] = useState<Employer | null>(null);
  const canEdit = user!.roles.includes('un-screener');
  const find = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('search') ?? '').trim();
    navigate(value ? `/employers?${new URLSearchParams({ search: value })}` : '/employers');
  };
  return (
    <Page title={t('directory.title')}>
      <p>{t('directory.intro')}</p>
      <form onSubmit={find} className="filters" role="search" aria-label={t('directory.title')}>
        <Field id="directory-search" label={t('directory.search')}>
          <input id="directory-search" name="search" maxLength={200} defaultValue={search} />
        </Field>
        <div className="field">
          <button type="submit">{t('app.search')}</button>
        </div>
      </form>
      <Loading when={employers.loading} />
      <ProblemMessage error={employers.error} />
      <Empty when={employers.data?.items.length === 0} />
      {employers.data && employers.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('directory.name')}</th>
              <th scope="col">{t('history.country')}</th>
              <th scope="col">{t('directory.domains')}</th>
              <th scope="col">{t('directory.sendsTo')}</th>
              <th scope="col">{t('directory.verifiedBy')}</th>
              <th scope="col">{t('roll.status')}</th>
            </tr>
          </thead>
          <tbody>
            {employers.data.items.map((e) => (
              <tr key={e.employerId}>
                <td>
                  <Link to={`/employers/${e.employerId}`}>{e.name}</Link>
                  {e.aliases.length ? <span className="muted"> ({e.aliases.join(', ')})</span> : null}
                </td>
                <td>{e.country ?? '—'}</td>
                <td>{e.domains.join(', ') || '—'}</td>
                <td>{e.contacts[0]?.email}</td>
                <td>
                  {e.verifiedBy}, {date(e.verifiedAt)}
                </td>
                <td>
                  <StatusBadge status={e.status === 'active' ? 'verified' : 'expired'} label={t(`directory.status.${e.status}`)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <section aria-labelledby="add-employer">
          <h2 id="add-employer">{t('directory.add')}</h2>
          {saved && (
            <p className="notice" role="status">
              {t('directory.saved', { name: saved.name })}
            </p>
          )}
          <EmployerForm
            key={saved?.employerId ?? 'new'}
            onSaved={(e) => {
              setSaved(e);
              employers.reload();
            }}
          />
        </section>
      )}
    </Page>
  );
}
