import type { ScreeningHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useSession } from '../api/session';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage } from '../components/ui';
import { RescreenProgress } from '../components/rescreen-progress';

type ListSummary = ScreeningHttp['ListSummary'];
interface Published {
  listId: string;
  version: number;
  unchanged: boolean;
  diff?: { added: number; removed: number; changed: number };
}

const FORMATS = ['platform-json', 'platform-csv', 'un-consolidated-xml', 'ofac-sdn-csv', 'ofac-xml'];

/** Content type of a list file from its name; the service reads the format from it unless told. */
export function listContentType(name: string): string {
  if (/\.xml$/i.test(name)) return 'application/xml';
  if (/\.csv$/i.test(name)) return 'text/csv';
  return 'application/json';
}

export default function Lists() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const lists = useResource('lists', () => api<{ items: ListSummary[] }>('/screening/lists'));
  const canImport = user!.roles.some((r) => r === 'un-screener' || r === 'admin');
  const [published, setPublished] = useState<Published | null>(null);
  // An import that takes someone off the list is staged for a second officer, on the list's own screen.
  const [pendingOn, setPendingOn] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file') as File;
    setError(null);
    setPublished(null);
    setPendingOn(null);
    try {
      const result = await api<Published | { proposalId: string; listId: string }>(
        `/screening/lists/${String(form.get('listId')).trim()}/versions`,
        {
          method: 'POST',
          body: await file.text(),
          headers: { 'content-type': listContentType(file.name) },
          query: { name: String(form.get('name') ?? '') || undefined, format: String(form.get('format') ?? '') || undefined },
        },
      );
      if ('proposalId' in result) setPendingOn(result.listId);
      else setPublished(result);
      lists.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title={t('lists.title')}>
      <Loading when={lists.loading} />
      <ProblemMessage error={lists.error} />
      <Empty when={lists.data?.items.length === 0} />
      {lists.data && lists.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('lists.id')}</th>
              <th scope="col">{t('roll.name')}</th>
              <th scope="col">{t('lists.active')}</th>
              <th scope="col">{t('lists.entries')}</th>
              <th scope="col">{t('revocations.raised')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.data.items.map((l) => (
              <tr key={l.listId}>
                <td>
                  <Link to={`/lists/${l.listId}`}>{l.listId}</Link>
                </td>
                <td>{l.name}</td>
                <td>v{l.activeVersion}</td>
                <td>{l.entryCount}</td>
                <td>{date(l.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canImport && (
        <form onSubmit={submit}>
          <h2>{t('lists.import')}</h2>
          <div className="row">
            <Field id="listId" label={t('lists.listId')}>
              <input id="listId" name="listId" required pattern="[a-z0-9][a-z0-9-]{1,62}" />
            </Field>
            <Field id="list-name" label={t('roll.name')}>
              <input id="list-name" name="name" maxLength={200} />
            </Field>
            <Field id="list-format" label={t('lists.format')}>
              <select id="list-format" name="format">
                <option value="">{t('lists.format.auto')}</option>
                {FORMATS.map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </Field>
          </div>
          <Field id="list-file" label={t('upload.file')}>
            <input id="list-file" name="file" type="file" required accept=".json,.csv,.xml" />
          </Field>
          <ProblemMessage error={error} />
          <button type="submit">{t('lists.import')}</button>
        </form>
      )}
      {published && (
        <p className="notice" role="status">
          {published.unchanged
            ? t('lists.unchanged')
            : t('lists.imported', {
                version: published.version,
                list: published.listId,
                added: published.diff?.added ?? 0,
                removed: published.diff?.removed ?? 0,
                changed: published.diff?.changed ?? 0,
              })}
        </p>
      )}
      {pendingOn && (
        <p className="notice" role="status">
          {t('pending.sent')} <Link to={`/lists/${pendingOn}`}>{pendingOn}</Link>
        </p>
      )}
      {published && !published.unchanged && <RescreenProgress listId={published.listId} version={published.version} />}
    </Page>
  );
}
