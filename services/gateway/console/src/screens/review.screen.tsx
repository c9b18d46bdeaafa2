import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Review as ReviewData, ReviewHit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { Explanation, Record_ } from '../components/explanation';
import { CountersignForm } from '../components/countersign-form';
import { useSession } from '../api/session';
import { EntryActionRequests } from '../components/entry-action-requests';

/** One screening: the candidate and each list entry side by side, the explanation highlighted. */
export default function Review({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const id = params.screeningId!;
  const review = useResource(id, () => api<ReviewData>(`/screening/reviews/${encodeURIComponent(id)}`));
  const r = review.data;
  return (
    <Page title={`${t('review.title')} — ${r?.screening.candidateId ?? id}`}>
      <Loading when={review.loading} />
      <ProblemMessage error={review.error} />
      {r && (
        <>
          <p>
            <StatusBadge status={r.outcome ?? r.screening.outcome} /> {!r.current && <strong>{t('review.stale')}</strong>}
          </p>
          {r.hits.map((h) => (
            <HitReview key={`${h.hit.listId}/${h.hit.entryId}`} screeningId={id} person={r.person} item={h} onResolved={review.reload} />
          ))}
        </>
      )}
    </Page>
  );
}

function HitReview({
  screeningId,
  person,
  item,
  onResolved,
}: {
  screeningId: string;
  person: Record<string, unknown>;
  item: ReviewHit;
  onResolved(): void;
}) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const [error, setError] = useState<unknown>(null);
  const { hit, resolution, proposal } = item;
  const hitPath = `/screening/reviews/${encodeURIComponent(screeningId)}/hits/${hit.listId}/${encodeURIComponent(hit.entryId)}/resolution`;
  const countersign = async (approve: boolean, reason: string) => {
    await api(`${hitPath}/countersignature`, { method: 'POST', body: { proposalId: proposal!.proposalId, approve, reason } });
    onResolved();
  };
  const formId = `resolve-${hit.listId}-${hit.entryId}`;
  const resolve = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      await api(hitPath, {
        method: 'POST',
        body: { resolution: form.get('resolution'), reason: String(form.get('reason')).trim() },
      });
      onResolved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article className="hit">
      <h2>
        {hit.listId} / {hit.entryId} — {hit.matchedName.full}
      </h2>
      <div className="side-by-side">
        <Record_ title={t('review.candidate')} data={person} />
        <Record_ title={t('review.entry')} data={item.entry} />
      </div>
      <EntryActionRequests listId={hit.listId} entryId={hit.entryId} />
      <Explanation hit={hit} />
      {resolution.status !== 'unresolved' ? (
        <p>
          <StatusBadge status={resolution.status} />{' '}
          {t('review.resolved', { resolution: resolution.status, by: resolution.resolvedBy ?? '?' })} {date(resolution.resolvedAt)} —{' '}
          {resolution.reason}
          {resolution.countersignedBy && <> ({t('review.countersignedBy', { by: resolution.countersignedBy })})</>}
        </p>
      ) : proposal ? (
        <div>
          <p>
            {t('review.proposed', { by: proposal.proposedBy })} {date(proposal.proposedAt)} — {proposal.reason}
          </p>
          <CountersignForm
            id={`countersign-${hit.listId}-${hit.entryId}`}
            proposedBy={proposal.proposedBy}
            me={user!.username}
            onSubmit={countersign}
          />
        </div>
      ) : (
        <form onSubmit={resolve} id={formId}>
          <fieldset>
            <legend>{t('review.resolution')}</legend>
            <label style={{ display: 'block' }}>
              <input type="radio" name="resolution" value="false-positive" required /> {t('review.falsePositive')}
            </label>
            {hit.band === 'match' && <p className="muted">{t('review.fourEyes')}</p>}
            <label style={{ display: 'block' }}>
              <input type="radio" name="resolution" value="confirmed" /> {t('review.confirmed')}
            </label>
            <Field id={`${formId}-reason`} label={t('review.reason')}>
              <textarea id={`${formId}-reason`} name="reason" required minLength={3} maxLength={2000} rows={2} />
            </Field>
          </fieldset>
          <ProblemMessage error={error} />
          <button type="submit">{t('review.resolve')}</button>
        </form>
      )}
    </article>
  );
}
