import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { CandidateView, Certificate } from '../api/types';
import { useSession } from '../api/session';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { Pager, useCursorPages } from '../components/pager';
import { download } from '../components/download';
import { CANDIDATE_STATUSES } from '@vetting/contracts/values';

interface Diff {
  added: unknown[];
  removed: unknown[];
  changed: unknown[];
}
interface RollPage {
  items: CandidateView[];
  next?: string;
  total?: number;
}

export const ROLL_PAGE = 50;
const orNull = <T,>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));

/** The roll's filters as the URL holds them, so a filtered page can be reloaded, bookmarked and shared. */
export function rollFilters(query: URLSearchParams, isOffice: boolean) {
  const get = (k: string) => query.get(k)?.trim() ?? '';
  return { rotation: get('rotation'), country: isOffice ? '' : get('country').toUpperCase(), q: get('q'), status: get('status') };
}

/** A rotation's roll: paged, searchable and filtered by status; exported as CSV; certified and printed. */
export default function Roll() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const isOffice = user!.roles.includes('tcc-officer');
  const f = rollFilters(query, isOffice);
  const scope = { rotation: f.rotation, country: f.country || undefined, q: f.q || undefined, status: f.status || undefined };
  const filterKey = JSON.stringify(scope);
  const pages = useCursorPages(filterKey);
  const totals = useRef(new Map<string, number>());
  const roll = useResource(f.rotation ? `${filterKey}@${pages.after ?? ''}` : null, () =>
    api<RollPage>('/intake/candidates', { query: { ...scope, limit: ROLL_PAGE, after: pages.after } }),
  );
  const certificate = useResource(f.rotation ? `${f.rotation}/${f.country}` : null, async () => {
    const path = `/intake/rotations/${encodeURIComponent(f.rotation)}/certification`;
    const [latest, diff] = await Promise.all([
      orNull(api<Certificate>(path, { query: { country: scope.country } })),
      orNull(api<Diff>(`${path}/diff`, { query: { country: scope.country } })),
    ]);
    return { latest, diff };
  });
  const [actionError, setActionError] = useState<unknown>(null);
  if (roll.data?.total !== undefined) totals.current.set(filterKey, roll.data.total);
  const total = totals.current.get(filterKey);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const k of ['rotation', 'country', 'q', 'status']) {
      const v = String(form.get(k) ?? '').trim();
      if (v) params.set(k, k === 'country' ? v.toUpperCase() : v);
    }
    navigate(`/roll?${params}`);
  };
  const certify = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const statement = String(new FormData(event.currentTarget).get('statement') ?? '').trim();
    setActionError(null);
    try {
      await api(`/intake/rotations/${encodeURIComponent(f.rotation)}/certification`, {
        method: 'POST',
        body: statement ? { statement } : {},
      });
      certificate.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const exportCsv = () =>
    download(`/intake/rotations/${encodeURIComponent(f.rotation)}/roll.csv`, `roll-${f.rotation}${f.status ? `-${f.status}` : ''}.csv`, {
      country: scope.country,
      status: scope.status,
      q: scope.q,
    }).catch(setActionError);

  const items = roll.data?.items ?? [];
  const cert = certificate.data;
  const certificateLink = `/roll/certificate?${new URLSearchParams({ rotation: f.rotation, ...(scope.country ? { country: scope.country } : {}) })}`;
  return (
    <Page title={t('roll.title')}>
      <form onSubmit={show} className="filters" role="search" aria-label={t('roll.filters')}>
        <Field id="roll-rotation" label={t('roll.rotation')}>
          <input id="roll-rotation" name="rotation" defaultValue={f.rotation} required maxLength={100} />
        </Field>
        {!isOffice && (
          <Field id="roll-country" label={t('roll.country')}>
            <input id="roll-country" name="country" defaultValue={f.country} maxLength={2} pattern="[A-Za-z]{2}" />
          </Field>
        )}
        <Field id="roll-q" label={t('roll.search')} hint={t('roll.searchHint')}>
          <input id="roll-q" name="q" defaultValue={f.q} maxLength={200} aria-describedby="roll-q-hint" />
        </Field>
        <Field id="roll-status" label={t('roll.status')}>
          <select id="roll-status" name="status" defaultValue={f.status}>
            <option value="">{t('roll.allStatuses')}</option>
            {CANDIDATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <button type="submit">{t('roll.show')}</button>
        </div>
      </form>
      <Loading when={roll.loading} />
      <ProblemMessage error={roll.error} />
      {roll.data && (
        <>
          <div className="actions">
            <strong>{t('roll.members', { count: (total ?? items.length).toLocaleString() })}</strong>
            <button type="button" className="secondary" onClick={exportCsv}>
              {t('roll.exportCsv')}
            </button>
          </div>
          <Empty when={items.length === 0} />
          {items.length > 0 && (
            <table>
              <caption className="visually-hidden">
                {t('roll.title')} {f.rotation}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('roll.name')}</th>
                  <th scope="col">{t('roll.case')}</th>
                  <th scope="col">{t('roll.status')}</th>
                  <th scope="col">{t('roll.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/candidates/${c.id}`}>{c.displayName}</Link>
                    </td>
                    <td>{c.caseReference}</td>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                    <td>
                      {c.decision
                        ? `${date(c.decision.decidedAt)}${c.decision.validUntil ? ` · ${t('candidate.validUntil', { date: date(c.decision.validUntil) })}` : ''}`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager
            label={t('roll.pages')}
            first={pages.page * ROLL_PAGE}
            shown={items.length}
            total={total}
            onPrevious={pages.page > 0 ? pages.previous : undefined}
            onNext={roll.data.next ? () => pages.next(roll.data!.next!) : undefined}
          />
        </>
      )}
      {f.rotation && cert && (
        <section aria-labelledby="certificate-heading">
          <h2 id="certificate-heading">{t('roll.certificate')}</h2>
          <p>
            {cert.latest
              ? t('roll.certified', { version: cert.latest.version, date: date(cert.latest.certifiedAt), by: cert.latest.certifiedBy })
              : t('roll.notCertified')}
          </p>
          {cert.latest && (
            <p>
              <Link to={certificateLink}>{t('roll.printable')}</Link>
            </p>
          )}
          {cert.diff && (
            <p>
              {t('roll.changed', { added: cert.diff.added.length, removed: cert.diff.removed.length, changed: cert.diff.changed.length })}
            </p>
          )}
          {isOffice && (
            <form onSubmit={certify}>
              <Field id="statement" label={t('roll.statement')}>
                <textarea id="statement" name="statement" maxLength={1000} rows={2} />
              </Field>
              <button type="submit">{t('roll.certify')}</button>
            </form>
          )}
        </section>
      )}
      <ProblemMessage error={actionError} />
    </Page>
  );
}
