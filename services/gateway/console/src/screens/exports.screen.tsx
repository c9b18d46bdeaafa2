import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Field, Page, ProblemMessage } from '../components/ui';
import { saveBlob } from '../components/download';

type Scope = 'candidate' | 'rotation' | 'period';

/** The export's query from the form: exactly one scope, as the audit service requires. */
export function exportQuery(scope: Scope, form: FormData): Record<string, string> {
  const v = (name: string) => String(form.get(name) ?? '').trim();
  if (scope === 'candidate') return { candidateId: v('candidateId') };
  if (scope === 'rotation') return { rotation: v('rotation'), ...(v('mission') ? { mission: v('mission') } : {}) };
  return { from: new Date(v('from')).toISOString(), to: new Date(v('to')).toISOString() };
}

const KINDS = [
  { kind: 'bundle', path: '/audit/exports/bundle', extension: 'json', label: 'exports.bundle' },
  { kind: 'csv', path: '/audit/exports/report', extension: 'csv', label: 'exports.csv' },
  { kind: 'html', path: '/audit/exports/report', extension: 'html', label: 'exports.html' },
] as const;

export default function Exports() {
  const { t } = useI18n();
  const [scope, setScope] = useState<Scope>('candidate');
  const [error, setError] = useState<unknown>(null);
  const download = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const kind = KINDS.find((k) => k.kind === submitter?.value) ?? KINDS[0];
    const query: Record<string, string> = {
      ...exportQuery(scope, new FormData(event.currentTarget)),
      ...(kind.kind !== 'bundle' ? { format: kind.kind } : {}),
    };
    setError(null);
    try {
      const res = await api<Response>(kind.path, { query, raw: true, headers: { accept: '*/*' } });
      saveBlob(await res.blob(), `audit-${Object.values(query)[0]}.${kind.extension}`.replace(/[^\w.-]/g, '_'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title={t('exports.title')}>
      <form onSubmit={download}>
        <fieldset>
          <legend>{t('exports.scope')}</legend>
          {(['candidate', 'rotation', 'period'] as const).map((s) => (
            <label key={s} style={{ display: 'block' }}>
              <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} /> {t(`exports.${s}`)}
            </label>
          ))}
        </fieldset>
        {scope === 'candidate' && (
          <Field id="ex-candidate" label={t('trail.subject')}>
            <input id="ex-candidate" name="candidateId" required />
          </Field>
        )}
        {scope === 'rotation' && (
          <div className="row">
            <Field id="ex-rotation" label={t('roll.rotation')}>
              <input id="ex-rotation" name="rotation" required />
            </Field>
            <Field id="ex-mission" label={t('nominate.mission')}>
              <input id="ex-mission" name="mission" />
            </Field>
          </div>
        )}
        {scope === 'period' && (
          <div className="row">
            <Field id="ex-from" label={t('exports.from')}>
              <input id="ex-from" name="from" type="date" required />
            </Field>
            <Field id="ex-to" label={t('exports.to')}>
              <input id="ex-to" name="to" type="date" required />
            </Field>
          </div>
        )}
        <div className="row">
          {KINDS.map((k) => (
            <button key={k.kind} type="submit" name="kind" value={k.kind} className={k.kind === 'bundle' ? '' : 'secondary'}>
              {t(k.label)}
            </button>
          ))}
        </div>
      </form>
      <ProblemMessage error={error} />
      <p className="muted">{t('exports.verifyHint')}</p>
    </Page>
  );
}
