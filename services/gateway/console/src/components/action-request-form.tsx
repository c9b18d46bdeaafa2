import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { ACTION_KINDS, CATEGORIES, type ActionKind } from '../api/action-request.types';
import { useI18n } from '../i18n/i18n';
import { CountrySelect } from './countries';
import { Field, ProblemMessage } from './ui';

/** The UN records a request for action addressed to the person's country (its fields as the contract names them). */
export function ActionRequestForm({ onSent }: { onSent: (reference: string) => void }) {
  const { t } = useI18n();
  const [asked, setAsked] = useState<Partial<Record<ActionKind, string>>>({
    investigation: '',
    'accountability-measures': '',
    'outcome-report': '',
  });
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState(idempotencyKey);
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setError(null);
    try {
      const actions = Object.entries(asked).map(([kind, due]) => ({
        kind,
        ...(due ? { dueBy: new Date(`${due}T23:59:59Z`).toISOString() } : {}),
      }));
      const body = {
        country: text('country'),
        mission: text('mission'),
        category: text('category'),
        substantiatedOn: text('substantiatedOn'),
        candidateId: text('candidateId'),
        listEntry: { listId: text('listId'), entryId: text('entryId') },
        actions,
        summary: text('summary'),
      };
      const sent = await api<{ reference: string }>('/accountability/action-requests', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body,
      });
      setKey(idempotencyKey());
      onSent(sent.reference);
    } catch (e) {
      setError(e);
    }
  };
  const toggle = (kind: ActionKind, on: boolean) =>
    setAsked((current) => (on ? { ...current, [kind]: '' } : Object.fromEntries(Object.entries(current).filter(([k]) => k !== kind))));
  return (
    <form onSubmit={send}>
      <h2>{t('rfa.record')}</h2>
      <div className="row">
        <Field id="rfa-country" label={t('rfa.country')}>
          <CountrySelect id="rfa-country" name="country" required />
        </Field>
        <Field id="rfa-mission" label={t('rfa.mission')}>
          <input id="rfa-mission" name="mission" required pattern="[A-Za-z][A-Za-z0-9-]{1,19}" />
        </Field>
        <Field id="rfa-category" label={t('rfa.category')}>
          <select id="rfa-category" name="category" required defaultValue="">
            <option value="" disabled>
              {t('form.choose')}
            </option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`rfa.category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="rfa-substantiated" label={t('rfa.substantiatedOn')}>
          <input id="rfa-substantiated" name="substantiatedOn" type="date" required />
        </Field>
      </div>
      <div className="row">
        <Field id="rfa-candidate" label={t('rfa.candidateId')}>
          <input id="rfa-candidate" name="candidateId" required maxLength={100} />
        </Field>
        <Field id="rfa-list" label={t('rfa.listId')}>
          <input id="rfa-list" name="listId" required maxLength={100} />
        </Field>
        <Field id="rfa-entry" label={t('rfa.entryId')}>
          <input id="rfa-entry" name="entryId" required maxLength={100} />
        </Field>
      </div>
      <fieldset>
        <legend>{t('rfa.actions')}</legend>
        {ACTION_KINDS.map((kind) => (
          <div className="row" key={kind}>
            <label>
              <input type="checkbox" checked={kind in asked} onChange={(e) => toggle(kind, e.target.checked)} /> {t(`rfa.action.${kind}`)}
            </label>
            {kind in asked && (
              <input
                type="date"
                aria-label={`${t('rfa.dueBy')}: ${t(`rfa.action.${kind}`)}`}
                value={asked[kind]}
                onChange={(e) => setAsked({ ...asked, [kind]: e.target.value })}
              />
            )}
          </div>
        ))}
      </fieldset>
      <Field id="rfa-summary" label={t('rfa.summary')}>
        <textarea id="rfa-summary" name="summary" rows={4} required minLength={10} maxLength={8000} />
      </Field>
      <ProblemMessage error={error} />
      <button type="submit">{t('rfa.send')}</button>
    </form>
  );
}
