import { useState, type FormEvent } from 'react';
import { api, ApiError, idempotencyKey } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Field, ProblemMessage } from '../ui';
import { CATEGORIES } from '../nomination/nomination-fields';
import { Repeater, rowsOf } from '../repeater';
import type { Policy } from './policy-compare';
import { RevettingFields } from './revetting-fields';

export const CHECK_TYPES = ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'] as const;
export const FINDING_RULES = ['onConfirmedMatch', 'onNoResponse', 'onFailedCheck'] as const;
const ACTIONS = ['adjudicate', 'not-cleared'] as const;

/** The policy to publish from the form: each category's ticked checks, the finding rules, validity, note. */
export function policyFrom(form: FormData) {
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const requiredChecks = Object.fromEntries(
    CATEGORIES.map((c) => [c, CHECK_TYPES.filter((check) => form.get(`checks.${c}.${check}`) === 'on')]),
  );
  const rotationEnds = rowsOf(form, 'rotationEnds')
    .filter((r) => r.mission || r.rotation || r.endsOn)
    .map((r) => ({ mission: r.mission ?? '', rotation: r.rotation ?? '', endsOn: r.endsOn ?? '' }));
  return {
    requiredChecks,
    ...Object.fromEntries(FINDING_RULES.map((rule) => [rule, text(rule)])),
    candidateResponseBeforeRefusal: form.get('candidateResponseBeforeRefusal') === 'on',
    employmentLookbackYears: Number(text('employmentLookbackYears')),
    noticeResponseDays: Number(text('noticeResponseDays')),
    validity: { months: Number(text('months')), rotationEnds },
    // A category left empty is not re-vetted on a schedule; a typed value is sent as typed (the service names a nonsense one).
    revetting: Object.fromEntries(
      CATEGORIES.filter((c) => text(`revetting.${c}`) !== '').map((c) => [c, { everyMonths: Number(text(`revetting.${c}`)) }]),
    ),
    ...(text('note') ? { note: text('note') } : {}),
  };
}

/** A service's field errors by rule (`body/onNoResponse` → `onNoResponse`), to show each beside its rule. */
export function errorsByRule(error: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return out;
  for (const e of error.problem.errors ?? []) {
    const rule = e.field.replace(/^body\/?/, '').split('/')[0] || 'policy';
    out.set(rule, [...(out.get(rule) ?? []), `${e.field.replace(/^body\//, '')}: ${e.reason}`]);
  }
  return out;
}

/** Publishes a new policy version, starting from the active one; a refused rule is named where it is set. */
export function PolicyForm({ base, onPublished }: { base: Policy; onPublished(version: number): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const errors = errorsByRule(error);
  const ruleErrors = (rule: string) =>
    errors.get(rule)?.map((e) => (
      <p key={e} className="inline-error" role="alert">
        {e}
      </p>
    ));
  const required = (base.requiredChecks ?? {}) as Record<string, string[]>;
  const validity = (base.validity ?? { months: 12, rotationEnds: [] }) as {
    months: number;
    rotationEnds: { mission: string; rotation: string; endsOn: string }[];
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const published = await api<Policy>('/clearance/policies', {
        method: 'POST',
        body: policyFrom(new FormData(event.currentTarget)),
        headers: { 'idempotency-key': idempotencyKey() },
      });
      onPublished(published.version);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('policies.publish')}</h2>
      <p className="muted">{t('policies.publishIntro', { version: base.version })}</p>
      <fieldset>
        <legend>{t('policies.requiredChecks')}</legend>
        {ruleErrors('requiredChecks')}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('nominate.category')}</th>
              {CHECK_TYPES.map((c) => (
                <th key={c} scope="col">
                  {t(`checkType.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((cat) => (
              <tr key={cat}>
                <th scope="row">{t(`category.${cat}`)}</th>
                {CHECK_TYPES.map((check) => (
                  <td key={check}>
                    <input
                      type="checkbox"
                      name={`checks.${cat}.${check}`}
                      defaultChecked={required[cat]?.includes(check)}
                      aria-label={`${t(`category.${cat}`)}: ${t(`checkType.${check}`)}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>{t('policies.findings')}</legend>
        {FINDING_RULES.map((rule) => (
          <div key={rule}>
            <Field id={`rule-${rule}`} label={t(`policies.rule.${rule}`)}>
              <select
                id={`rule-${rule}`}
                name={rule}
                defaultValue={String(base[rule] ?? 'adjudicate')}
                aria-invalid={errors.has(rule) || undefined}
              >
                {ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {t(`policies.action.${a}`)}
                  </option>
                ))}
              </select>
            </Field>
            {ruleErrors(rule)}
          </div>
        ))}
        <label>
          <input type="checkbox" name="candidateResponseBeforeRefusal" defaultChecked={base.candidateResponseBeforeRefusal !== false} />{' '}
          {t('policies.rule.candidateResponseBeforeRefusal')}
        </label>
        {ruleErrors('candidateResponseBeforeRefusal')}
        <Field id="rule-notice-days" label={t('policies.rule.noticeResponseDays')}>
          <input
            id="rule-notice-days"
            name="noticeResponseDays"
            type="number"
            min={1}
            max={365}
            required
            defaultValue={Number(base.noticeResponseDays ?? 14)}
            aria-invalid={errors.has('noticeResponseDays') || undefined}
          />
        </Field>
        {ruleErrors('noticeResponseDays')}
      </fieldset>
      <fieldset>
        <legend>{t('policies.employment')}</legend>
        <Field id="rule-lookback" label={t('policies.rule.employmentLookbackYears')}>
          <input
            id="rule-lookback"
            name="employmentLookbackYears"
            type="number"
            min={1}
            max={30}
            required
            defaultValue={Number(base.employmentLookbackYears ?? 5)}
            aria-invalid={errors.has('employmentLookbackYears') || undefined}
          />
        </Field>
        {ruleErrors('employmentLookbackYears')}
      </fieldset>
      <fieldset>
        <legend>{t('policies.validity')}</legend>
        <Field id="validity-months" label={t('policies.months')}>
          <input id="validity-months" name="months" type="number" min={1} max={60} required defaultValue={validity.months} />
        </Field>
        <Repeater
          legend={t('policies.rotationEnds')}
          item={t('policies.rotationEnd')}
          add={t('policies.addRotationEnd')}
          initial={validity.rotationEnds.length}
          max={500}
        >
          {(key) => (
            <>
              <Field id={`re-mission-${key}`} label={t('nominate.mission')}>
                <input
                  id={`re-mission-${key}`}
                  name={`rotationEnds[${key}].mission`}
                  required
                  defaultValue={validity.rotationEnds[key]?.mission}
                />
              </Field>
              <Field id={`re-rotation-${key}`} label={t('nominate.rotation')}>
                <input
                  id={`re-rotation-${key}`}
                  name={`rotationEnds[${key}].rotation`}
                  required
                  defaultValue={validity.rotationEnds[key]?.rotation}
                />
              </Field>
              <Field id={`re-ends-${key}`} label={t('policies.endsOn')}>
                <input
                  id={`re-ends-${key}`}
                  name={`rotationEnds[${key}].endsOn`}
                  type="date"
                  required
                  defaultValue={validity.rotationEnds[key]?.endsOn}
                />
              </Field>
            </>
          )}
        </Repeater>
        {ruleErrors('validity')}
      </fieldset>
      <RevettingFields base={base} errors={ruleErrors('revetting')} invalid={errors.has('revetting')} />
      <Field id="policy-note" label={t('policies.note')}>
        <textarea id="policy-note" name="note" maxLength={2000} rows={2} />
      </Field>
      {errors.size === 0 && <ProblemMessage error={error} />}
      {errors.size > 0 && (
        <p role="alert" className="problem">
          {t('policies.refused', { count: [...errors.values()].flat().length })}
        </p>
      )}
      <button type="submit">{t('policies.publishButton')}</button>
    </form>
  );
}
