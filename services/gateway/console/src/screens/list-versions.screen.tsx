import type { ScreeningHttp } from '@vetting/contracts/http';
import { useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage } from '../components/ui';
import { useSession } from '../api/session';
import { ListEditor } from '../components/list-editor';
import { PendingVersions } from '../components/pending-versions';

type Version = ScreeningHttp['ListVersion'];
type Diff = ScreeningHttp['ListDiff'];

/** Every version of a list with its provenance; a version's changes open on demand (the read is audited). */
export default function ListVersions({ params }: { params: Record<string, string> }) {
  const { t, date } = useI18n();
  const { user } = useSession();
  const canEdit = user!.roles.some((r) => r === 'un-screener' || r === 'admin');
  const listId = params.listId!;
  const versions = useResource(listId, () => api<{ items: Version[] }>(`/screening/lists/${listId}/versions`));
  const [open, setOpen] = useState<number | null>(null);
  // Bumped by each change made here: a proposed removal shows up in the pending list at once.
  const [changes, setChanges] = useState(0);
  const diff = useResource(open === null ? null : `${listId}/${open}`, () => api<Diff>(`/screening/lists/${listId}/versions/${open}/diff`));
  return (
    <Page title={`${t('lists.versions')} — ${listId}`}>
      <Loading when={versions.loading} />
      <ProblemMessage error={versions.error} />
      {versions.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('policies.version')}</th>
              <th scope="col">{t('lists.entries')}</th>
              <th scope="col">{t('lists.importedBy')}</th>
              <th scope="col">{t('lists.format')}</th>
              <th scope="col">{t('lists.diff')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.items.map((v) => (
              <tr key={v.version}>
                <td>
                  v{v.version} {v.active && <strong>({t('lists.active')})</strong>}
                </td>
                <td>{v.entryCount}</td>
                <td>
                  {v.provenance.importedBy} · {date(v.provenance.importedAt)}
                </td>
                <td>{v.provenance.format}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={open === v.version}
                    onClick={() => setOpen(open === v.version ? null : v.version)}
                  >
                    +{v.diff.added} −{v.diff.removed} ~{v.diff.changed}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null && (
        <section aria-live="polite" aria-label={`${t('lists.diff')} v${open}`}>
          <h2>
            {t('lists.diff')} v{open}
          </h2>
          <Loading when={diff.loading} />
          <ProblemMessage error={diff.error} />
          {diff.data && (
            <>
              <h3>
                {t('lists.added')} ({diff.data.added.length})
              </h3>
              <ul>
                {diff.data.added.map((e) => (
                  <li key={e.id}>
                    {e.id} — {e.name}
                  </li>
                ))}
              </ul>
              <h3>
                {t('lists.removed')} ({diff.data.removed.length})
              </h3>
              <ul>
                {diff.data.removed.map((e) => (
                  <li key={e.id}>
                    {e.id} — {e.name}
                  </li>
                ))}
              </ul>
              <h3>
                {t('lists.changed')} ({diff.data.changed.length})
              </h3>
              <ul>
                {diff.data.changed.map((e) => (
                  <li key={e.id}>
                    {e.id} — {e.name}: {e.fields.join(', ')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {canEdit && <PendingVersions listId={listId} version={changes} onDecided={versions.reload} />}
      {canEdit && (
        <ListEditor
          listId={listId}
          onPublished={() => {
            versions.reload();
            setChanges((n) => n + 1);
          }}
        />
      )}
    </Page>
  );
}
