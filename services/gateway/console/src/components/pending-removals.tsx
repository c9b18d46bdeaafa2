import { api } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { CountersignForm } from './countersign-form';
import { Loading, ProblemMessage } from './ui';
import { useResource } from './use-resource';

export interface ListRemoval { proposalId: string; listId: string; entryId: string; reason: string; proposedBy: string; proposedAt: string; status: string }

/** Removals of this list's entries waiting for a second officer (four eyes): each approved or rejected here. */
export function PendingRemovals({ listId, version, onDecided }: { listId: string; version: number; onDecided(): void }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const pending = useResource(`${listId}/${version}`, () => api<{ items: ListRemoval[] }>(`/screening/lists/${listId}/removals`));
  const decide = async (r: ListRemoval, approve: boolean, reason: string) => {
    await api(`/screening/lists/${listId}/removals/${encodeURIComponent(r.proposalId)}/countersignature`, { method: 'POST', body: { approve, reason } });
    pending.reload();
    onDecided();
  };
  return (
    <section aria-labelledby="removals-heading">
      <h2 id="removals-heading">{t('removals.title')}</h2>
      <Loading when={pending.loading} />
      <ProblemMessage error={pending.error} />
      {pending.data && !pending.data.items.length && <p>{t('removals.none')}</p>}
      {pending.data?.items.map((r) => (
        <article key={r.proposalId} className="hit">
          <p>{t('removals.proposed', { entry: r.entryId, by: r.proposedBy })} {date(r.proposedAt)} — {r.reason}</p>
          <CountersignForm id={`removal-${r.entryId}`} proposedBy={r.proposedBy} me={user!.username} onSubmit={(approve, reason) => decide(r, approve, reason)} />
        </article>
      ))}
    </section>
  );
}
