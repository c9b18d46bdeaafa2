import type { TrailStep } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** A subject's audit trail as a timeline: events filled, reads of their data hollow. */
export function TrailTimeline({ steps }: { steps: TrailStep[] }) {
  const { t, date } = useI18n();
  return (
    <ol className="timeline" aria-label={t('trail.title')}>
      {steps.map((s) => (
        <li key={s.seq} className={s.kind}>
          <time dateTime={s.time}>{date(s.time)}</time> · <strong>{s.type}</strong>{' '}
          <span className="muted">
            ({t(s.kind === 'access' ? 'trail.access' : 'trail.event')} #{s.seq}
            {s.actor ? `, ${s.actor}` : ''})
          </span>
          <br />
          {s.what}
          {s.outcome ? ` — ${s.outcome}` : ''}
          {s.reasons && s.reasons.length > 0 && (
            <>
              <br />
              <span className="muted">{s.reasons.join('; ')}</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
