import type { ScreeningHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field, ProblemMessage } from './ui';
import { entryFrom, ListEntryFields, type ListEntry } from './list-entry-fields';
import { RescreenProgress } from './rescreen-progress';
import { EntryActionRequests } from './entry-action-requests';

type Published = ScreeningHttp['PublishResult'];
/** A change that takes someone off the list comes back as a pending version (202), not published. */
type Outcome = Published | { proposalId: string };
type Mode = 'add' | 'correct' | 'remove';

/**
 * Changes one entry of a list by hand: add, correct or remove, each with a recorded reason. Adding
 * and correcting publish a new version (kept with its provenance) and re-screen the candidates,
 * followed here; a removal, or a correction that re-identifies the entry, waits for a second
 * officer (PendingVersions).
 */
export function ListEditor({ listId, onPublished }: { listId: string; onPublished(): void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('add');
  const [loaded, setLoaded] = useState<ListEntry | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const [proposed, setProposed] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/screening/lists/${listId}/entries`;
  const run = async (call: () => Promise<Outcome>) => {
    setError(null);
    setProposed(false);
    setPublished(null);
    try {
      const result = await call();
      if ('proposalId' in result) setProposed(true);
      else setPublished(result);
      setLoaded(null);
      onPublished();
    } catch (e) {
      setError(e);
    }
  };
  const reasonOf = (form: FormData) => String(form.get('reason') ?? '').trim();
  const submitEntry = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { entry: entryFrom(form), reason: reasonOf(form) };
    return run(() =>
      mode === 'add'
        ? api<Outcome>(path, { method: 'POST', body })
        : api<Outcome>(`${path}/${encodeURIComponent(body.entry.id)}`, { method: 'PUT', body }),
    );
  };
  const load = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget).get('entryId') ?? '').trim();
    setError(null);
    try {
      setLoaded((await api<{ entry: ListEntry }>(`${path}/${encodeURIComponent(id)}`)).entry);
    } catch (e) {
      setError(e);
    }
  };
  // Four eyes: a removal is only proposed here; it is published when a second officer countersigns it.
  const remove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const entryId = String(form.get('entryId')).trim();
    return run(() => api<Outcome>(`${path}/${encodeURIComponent(entryId)}`, { method: 'DELETE', query: { reason: reasonOf(form) } }));
  };
  const reason = (
    <Field id="edit-reason" label={t('entry.reason')}>
      <textarea id="edit-reason" name="reason" required minLength={3} maxLength={2000} rows={2} />
    </Field>
  );
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('entry.edit')}</h2>
      <fieldset className="question">
        <legend>{t('entry.mode')}</legend>
        {(['add', 'correct', 'remove'] as const).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="edit-mode"
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setLoaded(null);
                setError(null);
              }}
            />{' '}
            {t(`entry.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'add' && (
        <form onSubmit={submitEntry}>
          <ListEntryFields />
          {reason}
          <button type="submit">{t('entry.submit.add')}</button>
        </form>
      )}
      {mode !== 'add' && (
        <form onSubmit={mode === 'remove' ? remove : load} className="filters">
          <Field id="edit-entry-id" label={t('entry.id')}>
            <input id="edit-entry-id" name="entryId" required maxLength={64} />
          </Field>
          {mode === 'remove' && reason}
          <div className="field">
            <button type="submit" className={mode === 'remove' ? 'danger' : ''}>
              {t(mode === 'remove' ? 'entry.submit.remove' : 'entry.load')}
            </button>
          </div>
        </form>
      )}
      {mode === 'correct' && loaded && (
        <form key={loaded.id} onSubmit={submitEntry}>
          <ListEntryFields entry={loaded} />
          {reason}
          <button type="submit">{t('entry.submit.correct')}</button>
        </form>
      )}
      {mode === 'correct' && loaded && <EntryActionRequests listId={listId} entryId={loaded.id} />}
      <ProblemMessage error={error} />
      {proposed && (
        <p className="notice" role="status">
          {t('pending.sent')}
        </p>
      )}
      {published && (
        <>
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
          {!published.unchanged && <RescreenProgress listId={published.listId} version={published.version} />}
        </>
      )}
    </section>
  );
}
