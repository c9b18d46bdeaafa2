import { api, ApiError } from '../../api/client';
import type { Review } from '../../api/types';
import { textOr, useI18n } from '../../i18n/i18n';
import { useResource } from '../use-resource';
import { Empty, Loading, ProblemMessage, StatusBadge } from '../ui';
import { Explanation, Record_ } from '../explanation';

/**
 * The ban-list hits of the latest screening: the candidate and each entry side by side, the
 * explanation of the score, and how a screening officer resolved it. Read-only here.
 */
export function CaseHits({ candidateId }: { candidateId: string }) {
  const { t, date } = useI18n();
  const review = useResource(`hits/${candidateId}`, async () => {
    try {
      const screening = await api<{ id: string }>(`/screening/screenings/${encodeURIComponent(candidateId)}`);
      return await api<Review>(`/screening/reviews/${encodeURIComponent(screening.id)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.problem.code !== 'HTTP.ROUTE_NOT_FOUND') return null;
      throw e;
    }
  });
  const r = review.data;
  return (
    <section aria-labelledby="hits-heading">
      <h2 id="hits-heading">{t('case.hits')}</h2>
      <Loading when={review.loading} />
      <ProblemMessage error={review.error} />
      {review.data === null && <p className="muted">{t('case.notScreened')}</p>}
      {r && (
        <>
          <p>
            <StatusBadge status={r.outcome ?? r.screening.outcome} />{' '}
            {t('case.screenedAgainst', {
              lists: r.screening.listVersions?.map((v) => `${v.listId} v${v.version}`).join(', ') ?? '—',
              date: date(r.screening.screenedAt),
            })}
          </p>
          <Empty when={r.hits.length === 0} />
          {r.hits.map((h) => (
            <article key={`${h.hit.listId}/${h.hit.entryId}`} className="hit">
              <h3>
                {h.hit.listId} / {h.hit.entryId} — {h.hit.matchedName.full} <StatusBadge status={h.resolution.status} />
              </h3>
              <div className="side-by-side">
                <Record_ title={t('review.candidate')} data={r.person} />
                <Record_ title={t('review.entry')} data={h.entry} />
              </div>
              <Explanation hit={h.hit} />
              {h.resolution.status !== 'unresolved' && (
                <p>
                  {t('review.resolved', {
                    resolution: textOr(t, `status.${h.resolution.status}`, h.resolution.status),
                    by: h.resolution.resolvedBy ?? '?',
                  })}{' '}
                  {date(h.resolution.resolvedAt)} — {h.resolution.reason}
                </p>
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}
