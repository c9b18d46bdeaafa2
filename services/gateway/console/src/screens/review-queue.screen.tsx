import type { ScreeningHttp } from '@vetting/contracts/http';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { Pager } from '../components/pager';

type Item = ScreeningHttp['ReviewQueueItem'];
interface QueuePage {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
}

export const QUEUE_PAGE = 25;
const DAY_MS = 86_400_000;

/** The queue's query from the URL's filters: "waiting more than n days" becomes the instant before which an item must have arrived. */
export function queueQuery(query: URLSearchParams, now: number) {
  const days = Number(query.get('olderThanDays') ?? '');
  return {
    country: query.get('country')?.toUpperCase() || undefined,
    mission: query.get('mission') || undefined,
    pendingBefore: days > 0 ? new Date(now - days * DAY_MS).toISOString() : undefined,
    offset: Math.max(0, Number(query.get('offset') ?? 0) || 0),
  };
}

/** Possible matches waiting for a screening officer, oldest first, filtered by country, mission and waiting time. */
export default function ReviewQueue() {
  const { t, date } = useI18n();
  const { query } = useLocation();
  const search = query.toString();
  const q = queueQuery(query, Date.now());
  const queue = useResource(`queue?${search}`, () =>
    api<QueuePage>('/screening/review-queue', {
      query: { country: q.country, mission: q.mission, pendingBefore: q.pendingBefore, offset: q.offset, limit: QUEUE_PAGE },
    }),
  );
  const go = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes))
      if (v) params.set(k, v);
      else params.delete(k);
    navigate(`/review?${params}`);
  };
  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? '').trim() || undefined;
    go({ country: value('country')?.toUpperCase(), mission: value('mission'), olderThanDays: value('olderThanDays'), offset: undefined });
  };
  const page = queue.data;
  return (
    <Page title={t('review.title')}>
      <form onSubmit={filter} className="filters" role="search" aria-label={t('review.filters')}>
        <Field id="queue-country" label={t('roll.country')}>
          <input id="queue-country" name="country" maxLength={2} pattern="[A-Za-z]{2}" defaultValue={query.get('country') ?? ''} />
        </Field>
        <Field id="queue-mission" label={t('nominate.mission')}>
          <input id="queue-mission" name="mission" maxLength={100} defaultValue={query.get('mission') ?? ''} />
        </Field>
        <Field id="queue-age" label={t('review.olderThan')}>
          <input id="queue-age" name="olderThanDays" type="number" min={0} max={3650} defaultValue={query.get('olderThanDays') ?? ''} />
        </Field>
        <div className="field">
          <button type="submit">{t('review.applyFilters')}</button>
        </div>
      </form>
      <button type="button" className="secondary" onClick={queue.reload}>
        {t('app.refresh')}
      </button>
      <Loading when={queue.loading} />
      <ProblemMessage error={queue.error} />
      <Empty when={page?.items.length === 0} />
      {page && page.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('review.candidate')}</th>
              <th scope="col">{t('roll.country')}</th>
              <th scope="col">{t('nominate.mission')}</th>
              <th scope="col">{t('roll.status')}</th>
              <th scope="col">{t('review.hits')}</th>
              <th scope="col">{t('review.topScore')}</th>
              <th scope="col">{t('review.pendingSince')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.screeningId}>
                <td>
                  <Link to={`/review/${encodeURIComponent(item.screeningId)}`}>{item.candidateId}</Link>
                </td>
                <td>{item.country}</td>
                <td>{item.mission ?? '—'}</td>
                <td>
                  <StatusBadge status={item.outcome} />
                </td>
                <td>{item.unresolvedHits}</td>
                <td>{item.topScore?.toFixed(2) ?? '—'}</td>
                <td>{date(item.pendingSince)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && (
        <Pager
          label={t('review.pages')}
          first={page.offset}
          shown={page.items.length}
          total={page.total}
          onPrevious={page.offset > 0 ? () => go({ offset: String(Math.max(0, page.offset - QUEUE_PAGE)) }) : undefined}
          onNext={page.offset + page.items.length < page.total ? () => go({ offset: String(page.offset + QUEUE_PAGE) }) : undefined}
        />
      )}
    </Page>
  );
}
