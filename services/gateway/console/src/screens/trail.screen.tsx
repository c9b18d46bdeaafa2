import type { FormEvent } from 'react';
import { api } from '../api/client';
import type { TrailStep, VerifyResult } from '../api/types';
import { navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Field, Loading, Page, ProblemMessage } from '../components/ui';
import { TrailTimeline } from '../components/trail-timeline';

/** A candidate's story as a timeline, with the chain check's verdict as a badge. */
export default function Trail() {
  const { t } = useI18n();
  const { query } = useLocation();
  const subject = query.get('subject') ?? '';
  const trail = useResource(subject || null, async () => {
    const [story, verify] = await Promise.all([
      api<{ steps: TrailStep[] }>(`/audit/trails/${encodeURIComponent(subject)}`),
      api<VerifyResult>('/audit/chain/verify'),
    ]);
    return { steps: story.steps, verify };
  });
  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`/trail?subject=${encodeURIComponent(String(new FormData(event.currentTarget).get('subject')).trim())}`);
  };
  const v = trail.data?.verify;
  return (
    <Page title={t('trail.title')}>
      <form onSubmit={show} className="row">
        <Field id="subject" label={t('trail.subject')}>
          <input id="subject" name="subject" defaultValue={subject} required pattern="[A-Za-z0-9_:.\-]{1,100}" />
        </Field>
        <div className="field">
          <button type="submit">{t('trail.show')}</button>
        </div>
      </form>
      <Loading when={trail.loading} />
      <ProblemMessage error={trail.error} />
      {v && (
        <p role="status" data-testid="chain-badge">
          <span className={`badge ${v.ok ? 'good' : 'bad'}`}>
            {v.ok
              ? `✔ ${t('trail.verified')}`
              : `✘ ${t('trail.broken', { seq: v.firstBroken?.seq ?? '?', reason: v.firstBroken?.reason ?? '' })}`}
          </span>{' '}
          <span className="muted">{t('trail.checked', { count: v.checked, head: v.headSeq })}</span>
        </p>
      )}
      {trail.data && <TrailTimeline steps={trail.data.steps} />}
    </Page>
  );
}
