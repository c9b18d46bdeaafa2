import { useState } from 'react';
import { api } from '../api/client';
import {
  DISCLOSURE_STATUSES,
  FIGURES,
  toneOf,
  type DisclosureFigures,
  type DisclosureStatus,
  type DisclosureSummary,
} from '../api/disclosure.types';
import { useSession } from '../api/session';
import { Link, navigate } from '../app/router';
import { DisclosureRequestForm } from '../components/disclosure-request-form';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n/i18n';

/** Disclosure requests from later employers: the scheme's annual figures, the list, and the form to record one. */
export default function DisclosureRequestsScreen() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const isUn = user!.roles.some((r) => r === 'un-screener' || r === 'un-adjudicator');
  const office = !isUn && user!.roles.includes('tcc-officer') ? user!.country : undefined;
  const [status, setStatus] = useState<DisclosureStatus | ''>('');
  const [year, setYear] = useState(String(new Date().getUTCFullYear()));
  const list = useResource(`list|${status}`, () =>
    api<{ items: DisclosureSummary[] }>('/accountability/disclosure-requests', { query: status ? { status } : {} }),
  );
  const figures = useResource(`figures|${year}`, () =>
    api<DisclosureFigures>('/accountability/disclosure-requests/figures', { query: /^20\d\d$/.test(year) ? { year } : {} }),
  );
  return (
    <Page title={t('mds.title')}>
      <p className="muted">{t('mds.hint')}</p>
      <h2>{t('mds.figures')}</h2>
      <Field id="mds-year" label={t('mds.year')}>
        <input id="mds-year" inputMode="numeric" pattern="20[0-9]{2}" value={year} onChange={(e) => setYear(e.target.value)} />
      </Field>
      <ProblemMessage error={figures.error} />
      {figures.data && (
        <table aria-label={t('mds.figures')}>
          <tbody>
            {FIGURES.map((f) => (
              <tr key={f}>
                <th scope="row">{t(`mds.figure.${f}`)}</th>
                <td>{figures.data![f]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('mds.list')}</h2>
      <Field id="mds-filter" label={t('mds.status')}>
        <select id="mds-filter" value={status} onChange={(e) => setStatus(e.target.value as DisclosureStatus | '')}>
          <option value="">{t('mds.all')}</option>
          {DISCLOSURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`mds.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Loading when={list.loading} />
      <ProblemMessage error={list.error} />
      <Empty when={list.data?.items.length === 0} />
      {list.data && list.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('mds.reference')}</th>
              <th scope="col">{t('mds.addressedTo')}</th>
              <th scope="col">{t('mds.organisation')}</th>
              <th scope="col">{t('mds.status')}</th>
              <th scope="col">{t('mds.dueBy')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/disclosure-requests/${r.id}`}>{r.reference}</Link>
                </td>
                <td>{r.addressedTo === 'UN' ? t('mds.toUn') : r.addressedTo}</td>
                <td>{r.requester.organisationName ?? r.requester.organisationId}</td>
                <td>
                  <StatusBadge status={toneOf(r.status)} label={t(`mds.status.${r.status}`)} />
                </td>
                <td>{date(r.dueBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(isUn || office) && <DisclosureRequestForm office={office} onSent={(id) => navigate(`/disclosure-requests/${id}`)} />}
    </Page>
  );
}
