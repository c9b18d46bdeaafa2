import { useState, type ChangeEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import type { ListBundle, OfflineRow, OfflineUpload } from '../api/close-the-loop.types';
import { Link, useLocation } from '../app/router';
import { textOr, useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { saveBlob } from '../components/download';

/** A results file of `vetting check --offline --batch`: the bundle it was screened with, then one row per person. */
export function parseResults(text: string): { bundleId: string; bundleContentHash: string; results: unknown[] } | null {
  const lines = text.split('\n').filter((l) => l.trim());
  try {
    const header = JSON.parse(lines[0] ?? '') as { format?: string; bundleId?: string; bundleContentHash?: string };
    if (header.format !== 'vetting-offline-results/1' || !header.bundleId || !header.bundleContentHash) return null;
    const results = lines.slice(1).map((l) => {
      const { ref, screenedAt, outcome, person } = JSON.parse(l) as Record<string, unknown>;
      return { ref, screenedAt, outcome, person };
    });
    return results.length ? { bundleId: header.bundleId, bundleContentHash: header.bundleContentHash, results } : null;
  } catch {
    return null;
  }
}

function Rows({ rows }: { rows: OfflineRow[] }) {
  const { t } = useI18n();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('offline.ref')}</th>
          <th scope="col">{t('offline.offlineOutcome')}</th>
          <th scope="col">{t('offline.todayOutcome')}</th>
          <th scope="col">{t('offline.needsReview')}</th>
          <th scope="col">{t('offline.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.ref}>
            <td>{r.ref}</td>
            <td>
              <StatusBadge status={r.offlineOutcome} />
            </td>
            <td>
              <StatusBadge status={r.currentOutcome} />
            </td>
            <td>{r.needsReview ? <StatusBadge status="needs-review" label={t('offline.needsReview')} /> : '—'}</td>
            <td>{r.flags.map((f) => textOr(t, `offline.flag.${f}`, f)).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Offline screening: download the signed bundle, bring results back, see what changed on arrival. */
export default function OfflineScreen() {
  const { t, date } = useI18n();
  const { query } = useLocation();
  const shown = query.get('upload');
  const uploads = useResource('uploads', () => api<{ items: OfflineUpload[] }>('/screening/checks/offline'));
  const detail = useResource(shown, () => api<OfflineUpload>(`/screening/checks/offline/${encodeURIComponent(shown!)}`));
  const [bundle, setBundle] = useState<ListBundle | null>(null);
  const [received, setReceived] = useState<OfflineUpload[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setError(null);
    try {
      const res = await api<Response>('/screening/lists/bundle', { raw: true });
      const blob = await res.blob();
      const parsed = JSON.parse(await blob.text()) as ListBundle;
      saveBlob(blob, `lists-${parsed.content.createdAt.slice(0, 10)}.json`);
      setBundle(parsed);
    } catch (e) {
      setError(e);
    }
  };
  const send = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    setReceived(null);
    const parsed = parseResults(await file.text());
    if (!parsed) return setError(new Error(t('offline.notResults')));
    setBusy(true);
    try {
      const done: OfflineUpload[] = [];
      for (let i = 0; i < parsed.results.length; i += 1000)
        done.push(
          await api<OfflineUpload>('/screening/checks/offline', {
            method: 'POST',
            headers: { 'idempotency-key': idempotencyKey() },
            body: { ...parsed, results: parsed.results.slice(i, i + 1000) },
          }),
        );
      setReceived(done);
      uploads.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      event.target.value = '';
    }
  };
  const rows = received?.flatMap((u) => u.rows ?? []) ?? [];
  return (
    <Page title={t('offline.title')}>
      <h2>{t('offline.take')}</h2>
      <p className="muted">{t('offline.takeHint')}</p>
      <button type="button" onClick={download}>
        {t('offline.download')}
      </button>
      {bundle && (
        <p className="notice" role="status">
          {t('offline.downloaded', {
            id: bundle.content.bundleId.slice(0, 8),
            keyId: bundle.signature.keyId,
            date: date(bundle.content.expiresAt),
            lists: bundle.content.lists.map((l) => `${l.listId} v${l.version}`).join(', '),
          })}
        </p>
      )}
      <p className="muted">{t('offline.keysHint')}</p>

      <h2>{t('offline.back')}</h2>
      <p className="muted">{t('offline.backHint')}</p>
      <Field id="offline-file" label={t('offline.file')}>
        <input id="offline-file" type="file" accept=".jsonl,.json,application/json" onChange={send} disabled={busy} />
      </Field>
      <Loading when={busy} />
      <ProblemMessage error={error} />
      {received && (
        <>
          <p role="status" className="notice">
            {t('offline.received', {
              rows: rows.length,
              disagree: rows.filter((r) => !r.agrees).length,
              review: rows.filter((r) => r.needsReview).length,
            })}
          </p>
          {rows.some((r) => r.needsReview) && <p>{t('offline.reviewHint')}</p>}
          <Rows rows={rows.filter((r) => r.needsReview)} />
        </>
      )}

      <h2>{t('offline.uploads')}</h2>
      <Loading when={uploads.loading} />
      <ProblemMessage error={uploads.error} />
      <Empty when={uploads.data?.items.length === 0} />
      {uploads.data && uploads.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('offline.receivedAt')}</th>
              <th scope="col">{t('people.country')}</th>
              <th scope="col">{t('offline.rows')}</th>
              <th scope="col">{t('offline.differ')}</th>
              <th scope="col">{t('offline.needsReview')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('offline.show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {uploads.data.items.map((u) => (
              <tr key={u._id}>
                <td>{date(u.receivedAt)}</td>
                <td>{u.country ?? '—'}</td>
                <td>{u.summary.rows}</td>
                <td>{u.summary.disagree}</td>
                <td>{u.summary.needsReview}</td>
                <td>
                  <Link to={`/offline?upload=${encodeURIComponent(u._id)}`}>{t('offline.show')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemMessage error={detail.error} />
      {detail.data?.rows && <Rows rows={detail.data.rows} />}
    </Page>
  );
}
