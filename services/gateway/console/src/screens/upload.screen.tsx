import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, idempotencyKey } from '../api/client';
import { useSession } from '../api/session';
import { isFinished, readUpload, sendUpload, uploadIdFor, type UploadState } from '../api/upload';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Field, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { download } from '../components/download';
import { CATEGORIES } from '../components/nomination/nomination-fields';

const POLL_MS = 500;

export default function Upload() {
  const { t } = useI18n();
  const { user } = useSession();
  const [sent, setSent] = useState<number | null>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const polling = useRef<number | undefined>(undefined);
  useEffect(() => () => clearInterval(polling.current), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file') as File | null;
    if (!file || file.size === 0) return;
    setError(null);
    setUpload(null);
    setSent(0);
    const key = idempotencyKey();
    const id = await uploadIdFor(user!.username, key);
    // Follow the rows being read while the bytes are still going out, then until storing ends.
    clearInterval(polling.current);
    polling.current = window.setInterval(async () => {
      const latest = await readUpload(id).catch(() => null);
      if (latest) setUpload(latest);
      if (latest && isFinished(latest)) clearInterval(polling.current);
    }, POLL_MS);
    const query: Record<string, string> = { mode: String(form.get('mode')) };
    for (const name of ['mission', 'rotation', 'category']) if (String(form.get(name) ?? '')) query[name] = String(form.get(name));
    try {
      const first = await sendUpload(file, query, key, setSent);
      setSent(1);
      setUpload(first);
    } catch (e) {
      clearInterval(polling.current);
      setError(e);
      // An all-or-nothing rejection still has its report: show the rows.
      const uploadId = e instanceof ApiError ? (e.problem.uploadId as string | undefined) : undefined;
      if (uploadId) setUpload(await api<UploadState>(`/intake/uploads/${uploadId}`).catch(() => null));
    }
  };

  return (
    <Page title={t('upload.title')}>
      <form onSubmit={submit}>
        <Field id="file" label={t('upload.file')}>
          <input id="file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required />
        </Field>
        <fieldset>
          <legend>{t('upload.mode')}</legend>
          {(['accept-valid-rows', 'all-or-nothing'] as const).map((mode, i) => (
            <label key={mode} style={{ display: 'block' }}>
              <input type="radio" name="mode" value={mode} defaultChecked={i === 0} /> {t(`upload.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('upload.defaults')}</legend>
          <div className="row">
            <Field id="up-mission" label={t('nominate.mission')}>
              <input id="up-mission" name="mission" maxLength={100} />
            </Field>
            <Field id="up-rotation" label={t('nominate.rotation')}>
              <input id="up-rotation" name="rotation" maxLength={100} />
            </Field>
            <Field id="up-category" label={t('nominate.category')}>
              <select id="up-category" name="category">
                <option value="" />
                {CATEGORIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>
        <button type="submit">{t('upload.submit')}</button>
      </form>
      {sent !== null && (
        <section aria-live="polite" aria-label={t('upload.title')}>
          <p>
            <label htmlFor="sent">{t('upload.sent', { percent: Math.round(sent * 100) })}</label>
          </p>
          <progress id="sent" max={1} value={sent} />
          {upload && <UploadReport upload={upload} />}
        </section>
      )}
      <ProblemMessage error={error} />
    </Page>
  );
}

function UploadReport({ upload }: { upload: UploadState }) {
  const { t } = useI18n();
  const { rows } = upload;
  return (
    <>
      <p>
        <StatusBadge status={upload.state} label={t(`upload.state.${upload.state}` as MessageKey)} /> {t('upload.counts', rows)}
      </p>
      {rows.valid > 0 && <progress aria-label={t('upload.state.storing')} max={rows.valid} value={rows.stored + rows.duplicates} />}
      {upload.problem && <p>{upload.problem}</p>}
      {upload.errors && upload.errors.length > 0 && (
        <>
          <h2>{t('upload.errors')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('upload.row')}</th>
                <th scope="col">{t('upload.field')}</th>
                <th scope="col">{t('upload.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {upload.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.field}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={() => downloadErrors(upload.id)}>
            {t('upload.allErrors')}
          </button>
        </>
      )}
    </>
  );
}

/** The errors file needs the token, so it is fetched and handed to the browser as a blob. */
const downloadErrors = (id: string) => download(`/intake/uploads/${id}/errors.csv`, `upload-${id}-errors.csv`);
