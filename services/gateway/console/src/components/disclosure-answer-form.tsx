import { useState, type FormEvent } from 'react';
import { ANSWERS, type AnswerKind } from '../api/disclosure.types';
import { useI18n } from '../i18n/i18n';
import { Field } from './ui';

/** Reads a chosen file as base64 (the consent travels in the JSON body the contract describes). */
export async function fileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The person's signed consent and declaration: a PDF or a scan, the date it was signed, the declaration affirmed. */
export function ConsentForm({ onSend }: { onSend: (body: unknown) => Promise<void> }) {
  const { t } = useI18n();
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file') as File;
    await onSend({
      filename: file.name,
      contentType: file.type,
      contentBase64: await fileAsBase64(file),
      signedOn: String(form.get('signedOn')),
      declarationSigned: form.get('declaration') === 'on',
    });
  };
  return (
    <form onSubmit={send}>
      <h2>{t('mds.consent')}</h2>
      <div className="row">
        <Field id="mds-file" label={t('mds.consentFile')}>
          <input id="mds-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" required />
        </Field>
        <Field id="mds-signed" label={t('mds.signedOn')}>
          <input id="mds-signed" name="signedOn" type="date" required />
        </Field>
      </div>
      <label>
        <input type="checkbox" name="declaration" /> {t('mds.declarationSigned')}
      </label>
      <button type="submit">{t('mds.attachConsent')}</button>
    </form>
  );
}

/** The answer in the scheme's form; a justification when it departs from what the platform records. */
export function DisclosureAnswerForm({ findings, onSend }: { findings: number; onSend: (body: unknown) => Promise<void> }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<AnswerKind>(findings ? 'finding' : 'none');
  const departs = findings ? kind !== 'finding' : kind !== 'none';
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    await onSend({
      kind,
      ...(text('justification') ? { justification: text('justification') } : {}),
      ...(text('note') ? { note: text('note') } : {}),
    });
  };
  return (
    <form onSubmit={send}>
      <fieldset>
        <legend>{t('mds.answer')}</legend>
        {ANSWERS.map((a) => (
          <label key={a}>
            <input type="radio" name="kind" value={a} checked={kind === a} onChange={() => setKind(a)} /> {t(`mds.answer.${a}`)}
          </label>
        ))}
      </fieldset>
      {departs && (
        <p role="note" className="notice">
          {findings ? t('mds.departsWithhold', { count: findings }) : t('mds.departsUnrecorded')}
        </p>
      )}
      {departs && (
        <Field id="mds-justification" label={t('mds.justification')}>
          <textarea id="mds-justification" name="justification" rows={3} required maxLength={4000} />
        </Field>
      )}
      <Field id="mds-note" label={t('mds.note')}>
        <textarea id="mds-note" name="note" rows={2} maxLength={4000} />
      </Field>
      <button type="submit">{t('mds.giveAnswer')}</button>
    </form>
  );
}
