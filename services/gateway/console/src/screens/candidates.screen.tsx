import type { FormEvent } from 'react';
import { api } from '../api/client';
import type { CandidateView } from '../api/types';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { Pager, useCursorPages } from '../components/pager';

const PAGE = 25;

/** A UN officer finds a candidate of any country by name, service number or case reference. */
export default function Candidates() {
  const { t, date } = useI18n();
  const { query } = useLocation();
  const q = query.get('q')?.trim() ?? '';
  const country = query.get('country')?.trim().toUpperCase() ?? '';
  const key = JSON.stringify({ q, country });
  const pages = useCursorPages(key);
  const found = useResource(q ? `${key}@${pages.after ?? ''}` : null, () =>
    api<{ items: CandidateView[]; next?: string; total?: number }>('/intake/candidates', {
      query: { q, country: country || undefined, limit: PAGE, after: pages.after },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams({ q: String(form.get('q') ?? '').trim() });
    const c = String(form.get('country') ?? '').trim();
    if (c) params.set('country', c.toUpperCase());
    navigate(`/candidates?${params}`);
  };
  const items = found.data?.items ?? [];
  return (
    <Page title={t('candidates.title')}>
      <form onSubmit={submit} className="filters" role="search" aria-label={t('candidates.title')}>
        <Field id="find-q" label={t('roll.search')} hint={t('roll.searchHint')}>
          <input id="find-q" name="q" required maxLength={200} defaultValue={q} aria-describedby="find-q-hint" />
        </Field>
        <Field id="find-country" label={t('roll.country')}>
          <input id="find-country" name="country" maxLength={2} pattern="[A-Za-z]{2}" defaultValue={country} />
        </Field>
        <div className="field">
          <button type="submit">{t('app.search')}</button>
        </div>
      </form>
      <Loading when={found.loading} />
      <ProblemMessage error={found.error} />
      {found.data && <Empty when={items.length === 0} />}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('roll.name')}</th>
              <th scope="col">{t('roll.case')}</th>
              <th scope="col">{t('roll.country')}</th>
              <th scope="col">{t('roll.rotation')}</th>
              <th scope="col">{t('roll.status')}</th>
              <th scope="col">{t('candidates.nominated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/candidates/${c.id}`}>{c.displayName}</Link>
                </td>
                <td>{c.caseReference}</td>
                <td>{c.country}</td>
                <td>
                  {c.nomination.mission} · {c.nomination.rotation}
                </td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>{date(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.data && (
        <Pager
          label={t('candidates.pages')}
          first={pages.page * PAGE}
          shown={items.length}
          total={pages.page === 0 ? found.data.total : undefined}
          onPrevious={pages.page > 0 ? pages.previous : undefined}
          onNext={found.data.next ? () => pages.next(found.data!.next!) : undefined}
        />
      )}
    </Page>
  );
}
