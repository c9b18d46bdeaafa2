import { useState } from 'react';
import { api } from '../api/client';
import { STATUSES, toneOf, type Figures, type RequestStatus, type RequestSummary } from '../api/action-request.types';
import { useSession } from '../api/session';
import { Link } from '../app/router';
import { ActionRequestForm } from '../components/action-request-form';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n/i18n';

/** Requests for action: the figures by country, the list (an office: its own country's), and for the UN the form to record one. */
export default function ActionRequestsScreen() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const isUn = user!.roles.some((r) => r === 'un-screener' || r === 'un-adjudicator');
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const [notice, setNotice] = useState('');
  const [generation, setGeneration] = useState(0);
  const list = useResource(`list|${status}|${generation}`, () =>
    api<{ items: RequestSummary[] }>('/accountability/action-requests', { query: status ? { status } : {} }),
  );
  const figures = useResource(`figures|${generation}`, () => api<Figures>('/accountability/action-requests/figures'));
  return (
    <Page title={t('rfa.title')}>
      <p className="muted">{t('rfa.hint')}</p>
      <h2>{t('rfa.figures')}</h2>
      <ProblemMessage error={figures.error} />
      {figures.data && Object.keys(figures.data.byCountry).length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rfa.country')}</th>
              <th scope="col">{t('rfa.sent')}</th>
              <th scope="col">{t('rfa.responded')}</th>
              <th scope="col">{t('rfa.overdueCount')}</th>
              <th scope="col">{t('rfa.status.closed')}</th>
              <th scope="col">{t('rfa.median')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(figures.data.byCountry).map(([country, f]) => (
              <tr key={country}>
                <td>{country}</td>
                <td>{f.sent}</td>
                <td>{f.responded}</td>
                <td>{f.overdue}</td>
                <td>{f.closed}</td>
                <td>{f.medianDaysToAnswer ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('rfa.list')}</h2>
      <Field id="rfa-filter" label={t('rfa.filter')}>
        <select id="rfa-filter" value={status} onChange={(e) => setStatus(e.target.value as RequestStatus | '')}>
          <option value="">{t('rfa.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`rfa.status.${s}`)}
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
              <th scope="col">{t('rfa.reference')}</th>
              <th scope="col">{t('rfa.country')}</th>
              <th scope="col">{t('rfa.mission')}</th>
              <th scope="col">{t('rfa.category')}</th>
              <th scope="col">{t('rfa.status')}</th>
              <th scope="col">{t('rfa.dueBy')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/action-requests/${r.id}`}>{r.reference}</Link>
                </td>
                <td>{r.country}</td>
                <td>{r.mission}</td>
                <td>{t(`rfa.category.${r.category}`)}</td>
                <td>
                  <StatusBadge status={toneOf(r.status)} label={t(`rfa.status.${r.status}`)} />
                </td>
                <td>{date(r.dueBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {isUn && (
        <ActionRequestForm
          onSent={(reference) => {
            setNotice(t('rfa.sentNotice', { reference }));
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Page>
  );
}
