import { api } from '../api/client';
import { useSession } from '../api/session';
import { toneOf, type RequestSummary } from '../api/action-request.types';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from './use-resource';
import { Empty, Loading, ProblemMessage, StatusBadge } from './ui';

/** The roles that may read requests for action (x-roles of listActionRequests). */
const READERS = ['tcc-officer', 'un-screener', 'un-adjudicator', 'auditor', 'admin'];

/**
 * The requests for action recorded about one ban-list entry, beside the entry wherever it is looked
 * at: what the country was asked, when, by when, and where it stands. Shown only to those who may
 * read requests for action (the read is recorded as an access by the service).
 */
export function EntryActionRequests({ listId, entryId }: { listId: string; entryId: string }) {
  const { user } = useSession();
  if (!user?.roles.some((r) => READERS.includes(r))) return null;
  return <Requests listId={listId} entryId={entryId} />;
}

function Requests({ listId, entryId }: { listId: string; entryId: string }) {
  const { t, date } = useI18n();
  const found = useResource(`rfa-entry/${listId}/${entryId}`, () =>
    api<{ items: RequestSummary[] }>('/accountability/action-requests', { query: { listId, entryId } }),
  );
  const heading = `rfa-entry-${listId}-${entryId}`.replace(/[^\w-]/g, '_');
  return (
    <section aria-labelledby={heading}>
      <h3 id={heading}>{t('rfa.aboutEntry')}</h3>
      <Loading when={found.loading} />
      <ProblemMessage error={found.error} />
      <Empty when={found.data?.items.length === 0} />
      {found.data && found.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rfa.reference')}</th>
              <th scope="col">{t('rfa.status')}</th>
              <th scope="col">{t('rfa.country')}</th>
              <th scope="col">{t('rfa.sentOn')}</th>
              <th scope="col">{t('rfa.dueBy')}</th>
            </tr>
          </thead>
          <tbody>
            {found.data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/action-requests/${r.id}`}>{r.reference}</Link>
                </td>
                <td>
                  <StatusBadge status={toneOf(r.status)} label={t(`rfa.status.${r.status}`)} />
                </td>
                <td>{r.country}</td>
                <td>{date(r.sentAt)}</td>
                <td>{date(r.dueBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
