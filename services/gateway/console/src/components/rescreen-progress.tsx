import type { ScreeningHttp } from '@vetting/contracts/http';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

type Rescreen = ScreeningHttp['Rescreen'];

const POLL_MS = 1000;

/** A list version's re-screening of every candidate, followed live until it completes (or a newer version takes over). */
export function RescreenProgress({ listId, version }: { listId: string; version: number }) {
  const { t } = useI18n();
  const [job, setJob] = useState<Rescreen | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await api<Rescreen>(`/screening/rescreens/${listId}/${version}`);
        if (stopped) return;
        setJob(next);
        if (next.status !== 'running') return;
      } catch (e) {
        // Not started yet: the re-screening begins when screening consumes banlist.published.
        if (!(e instanceof ApiError && e.status === 404)) return setError(e);
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [listId, version]);
  const label = t('rescreen.label', { list: listId, version });
  if (error)
    return (
      <p role="alert" className="problem">
        {String((error as Error).message)}
      </p>
    );
  return (
    <section className="panel" aria-label={label}>
      <h3>{label}</h3>
      {!job && <p role="status">{t('rescreen.waiting')}</p>}
      {job && (
        <>
          <progress max={job.total ?? 1} value={job.status === 'running' ? job.processed : (job.total ?? 1)} aria-label={label} />
          <p role="status">
            {t(`rescreen.status.${job.status}`)} —{' '}
            {t('rescreen.counts', { processed: job.processed, total: job.total ?? '?', changed: job.changed })}
          </p>
        </>
      )}
    </section>
  );
}
