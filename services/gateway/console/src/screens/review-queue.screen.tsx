import { api } from '../api/client';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

interface Item { screeningId: string; candidateId: string; country: string; outcome: string; pendingSince: string; unresolvedHits: number; topScore?: number }

export default function ReviewQueue() {
  const { t, date } = useI18n();
  const queue = useResource('queue', () => api<{ items: Item[] }>('/screening/review-queue', { query: { limit: 200 } }));
  return (
    <Page title={t('review.title')}>
      <button type="button" className="secondary" onClick={queue.reload}>{t('app.refresh')}</button>
      <Loading when={queue.loading} />
      <ProblemMessage error={queue.error} />
      <Empty when={queue.data?.items.length === 0} />
      {queue.data && queue.data.items.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t('review.candidate')}</th><th scope="col">{t('nominate.nationality')}</th><th scope="col">{t('roll.status')}</th><th scope="col">{t('review.hits')}</th><th scope="col">{t('review.topScore')}</th><th scope="col">{t('review.pendingSince')}</th></tr></thead>
          <tbody>
            {queue.data.items.map((item) => (
              <tr key={item.screeningId}>
                <td><Link to={`/review/${encodeURIComponent(item.screeningId)}`}>{item.candidateId}</Link></td>
                <td>{item.country}</td>
                <td><StatusBadge status={item.outcome} /></td>
                <td>{item.unresolvedHits}</td>
                <td>{item.topScore?.toFixed(2) ?? '—'}</td>
                <td>{date(item.pendingSince)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
