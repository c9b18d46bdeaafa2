import type { ScreeningHttp } from '@vetting/contracts/http';
import { api } from '../api/client';
import { useSession } from '../api/session';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { CountersignForm } from './countersign-form';
import { Loading, ProblemMessage } from './ui';
import { useResource } from './use-resource';

type TakenOff = ScreeningHttp['TakenOffEntry'];
export interface PendingVersion {
  proposalId: string;
  listId: string;
  change: { kind: 'import' | 'add' | 'replace' | 'remove'; format?: string; entryId?: string };
  reason: string;
  proposedBy: string;
  proposedAt: string;
  takesOff: { removed: TakenOff[]; reidentified: TakenOff[] };
  staged: { version: number; entryCount: number; diff: { added: number; removed: number; changed: number } };
  status: string;
}

/**
 * Versions of this list that take people off it (a removal, a correction that re-identifies an entry,
 * an import without someone), waiting for a second officer: each shows exactly whom it takes off,
 * and is countersigned or rejected here.
 */
export function PendingVersions({ listId, version, onDecided }: { listId: string; version: number; onDecided(): void }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const pending = useResource(`${listId}/${version}`, () =>
    api<{ items: PendingVersion[] }>(`/screening/lists/${listId}/pending-versions`),
  );
  const decide = async (p: PendingVersion, approve: boolean, reason: string) => {
    await api(`/screening/lists/${listId}/pending-versions/${encodeURIComponent(p.proposalId)}/countersignature`, {
      method: 'POST',
      body: { approve, reason },
    });
    pending.reload();
    onDecided();
  };
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t('pending.title')}</h2>
      <Loading when={pending.loading} />
      <ProblemMessage error={pending.error} />
      {pending.data && !pending.data.items.length && <p>{t('pending.none')}</p>}
      {pending.data?.items.map((p) => (
        <article key={p.proposalId} className="hit">
          <p>
            {t(`pending.${p.change.kind === 'add' ? 'replace' : p.change.kind}`, {
              entry: p.change.entryId ?? '',
              format: p.change.format ?? '',
              by: p.proposedBy,
            })}{' '}
            {date(p.proposedAt)} — {p.reason}
          </p>
          <p>
            {t('pending.version', {
              version: p.staged.version,
              added: p.staged.diff.added,
              removed: p.staged.diff.removed,
              changed: p.staged.diff.changed,
            })}
          </p>
          {p.takesOff.removed.length > 0 && (
            <>
              <h3>{t('pending.removed')}</h3>
              <ul>
                {p.takesOff.removed.map((e) => (
                  <li key={e.id}>
                    {e.id} — {e.name}
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.takesOff.reidentified.length > 0 && (
            <>
              <h3>{t('pending.reidentified')}</h3>
              <ul>
                {p.takesOff.reidentified.map((e) => (
                  <li key={e.id}>
                    {e.id} — {e.name} (
                    {t('pending.fields', { fields: (e.fields ?? []).map((f) => t(`pending.field.${f}` as MessageKey)).join(', ') })})
                  </li>
                ))}
              </ul>
            </>
          )}
          <CountersignForm
            id={`pending-${p.proposalId.replace(/[^A-Za-z0-9_-]/g, '-')}`}
            proposedBy={p.proposedBy}
            me={user!.username}
            onSubmit={(approve, reason) => decide(p, approve, reason)}
          />
        </article>
      ))}
    </section>
  );
}
