import type { ClearanceHttp } from '@vetting/contracts/http';
import { api } from '../api/client';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

type QueueItem = ClearanceHttp['QueueItem'];

/** Cases waiting for an adjudicator or for a second officer's countersignature, oldest first. */
export default function Adjudications() {
  const { t, date } = useI18n();
  const queue = useResource('adjudications', () => api<{ items: QueueItem[] }>('/clearance/adjudications', { query: { limit: 200 } }));
  return (
    <Page title={t('adjudications.title')}>
      <Loading when={queue.loading} />
      <ProblemMessage error={queue.error} />
      <Empty when={queue.data?.items.length === 0} />
      {queue.data && queue.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('review.candidate')}</th>
              <th scope="col">{t('nominate.nationality')}</th>
              <th scope="col">{t('roll.status')}</th>
              <th scope="col">{t('adjudications.reasons')}</th>
              <th scope="col">{t('review.pendingSince')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((item) => (
              <tr key={item.candidateId}>
                <td>
                  <Link to={`/adjudications/${item.candidateId}`}>{item.candidateId}</Link>
                </td>
                <td>{item.country}</td>
                <td>
                  <StatusBadge status={item.status} />
                  {item.proposal && ` ${t('adjudications.proposedBy', { outcome: item.proposal.outcome, by: item.proposal.proposedBy })}`}
                </td>
                <td>{item.reasons.join('; ')}</td>
                <td>{date(item.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
