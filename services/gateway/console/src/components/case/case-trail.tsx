import { useState } from 'react';
import { api } from '../../api/client';
import type { TrailStep } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../use-resource';
import { Loading, ProblemMessage } from '../ui';
import { TrailTimeline } from '../trail-timeline';

/** The case's audit trail, opened on request (reading it is itself recorded). */
export function CaseTrail({ candidateId }: { candidateId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const trail = useResource(open ? `trail/${candidateId}` : null, () =>
    api<{ steps: TrailStep[] }>(`/audit/trails/${encodeURIComponent(candidateId)}`),
  );
  return (
    <section aria-labelledby="trail-heading">
      <h2 id="trail-heading">{t('case.trail')}</h2>
      {!open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t('case.showTrail')}
        </button>
      )}
      <Loading when={open && trail.loading} />
      <ProblemMessage error={trail.error} />
      {trail.data && <TrailTimeline steps={trail.data.steps} />}
    </section>
  );
}
