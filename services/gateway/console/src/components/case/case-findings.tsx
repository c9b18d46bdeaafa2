import type { MessageKey } from '../../i18n/en';
import { useI18n, type Translate } from '../../i18n/i18n';
import { StatusBadge } from '../ui';
import type { Evaluation, Finding } from './case-types';

/**
 * A finding's reason in the reader's language, from its stable key (`referee:<check>:left-during-investigation`,
 * `missing:<type>`, …); the service's English reason for a kind this console does not know.
 */
export function findingText(t: Translate, f: Finding): string {
  const parts = f.key.split(':');
  const kind = parts[0]!;
  const last = parts.at(-1)!;
  const candidates: [MessageKey | string, Record<string, string>][] = [
    [`finding.${kind}.${last}`, { subject: parts[1] ?? '' }],
    [`finding.${kind}`, { subject: parts[1] ?? '', detail: last }],
  ];
  for (const [key, values] of candidates) {
    const text = t(key as MessageKey, { ...values, check: t(`checkType.${parts[1]}` as MessageKey) });
    if (text !== key) return text;
  }
  return f.reason;
}

/** What the policy finds on the case now, each finding with its own reason (adverse ones marked in words). */
export function CaseFindings({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t('case.findings')}</h2>
      <p className="muted">{t('case.findingsOf', { version: evaluation.policyVersion })}</p>
      {evaluation.findings.length === 0 ? (
        <p>{t('case.noFindings')}</p>
      ) : (
        <ul className="findings">
          {evaluation.findings.map((f) => (
            <li key={f.key}>
              {f.adverse ? (
                <StatusBadge status="adverse" label={t('case.adverse')} />
              ) : (
                <StatusBadge status="pending" label={t('case.missing')} />
              )}{' '}
              {findingText(t, f)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
