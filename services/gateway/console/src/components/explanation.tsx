import { Fragment } from 'react';
import type { Hit } from '../api/types';
import { textOr, useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** A value of a person or list entry as text: names, documents and dates of any nesting. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map(describe).join('; ') : '—';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.full === 'string') return o.script ? `${o.full} (${String(o.script)})` : o.full;
    if (typeof o.number === 'string') return [o.type, o.number, o.country].filter(Boolean).join(' ');
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join(', ');
  }
  return String(value);
}

/** The fields worth comparing, in the same order on both sides. */
const FIELDS = [
  'names',
  'dateOfBirth',
  'datesOfBirth',
  'placesOfBirth',
  'nationalities',
  'gender',
  'documents',
  'serviceNumbers',
  'serviceNumber',
  'category',
  'status',
  'listingDate',
  'sourceReference',
  'remarks',
];

export function Record_({ title, data }: { title: string; data: Record<string, unknown> | undefined }) {
  const { t } = useI18n();
  // A field the console does not know yet shows its name as the service sent it.
  const label = (k: string) => textOr(t, `field.${k}`, k);
  const keys = data ? [...FIELDS.filter((f) => f in data), ...Object.keys(data).filter((k) => !FIELDS.includes(k) && k !== 'id')] : [];
  return (
    <section className="panel" aria-label={title}>
      <h3>{title}</h3>
      <dl>
        {keys.map((k) => (
          <Fragment key={k}>
            <dt>{label(k)}</dt>
            <dd>{describe(data![k])}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

type Feature = Hit['features'][number];

/** A feature's reason in the reader's language, from its message keys; the engine's English sentence when it has none. */
export function reasonText(t: Translate, f: Feature): string {
  if (!f.reasons?.length) return f.detail ?? '';
  return f.reasons
    .map((r) => {
      const values = { ...r.values };
      if (typeof values.kind === 'string') values.kind = textOr(t, `match.kind.${values.kind}`, values.kind);
      const key = `match.${r.key}` as MessageKey;
      const text = t(key, values);
      // A reason this console does not know yet: the engine's own English sentence.
      return text === key ? (f.detail ?? r.key) : text;
    })
    .join('; ');
}

/**
 * Why the engine matched: a summary, each feature that pushed the score up (agrees) or down
 * (differs) with its reason, and the word-by-word name comparison, in the reader's language.
 */
export function Explanation({ hit }: { hit: Hit }) {
  const { t } = useI18n();
  const summary = t('match.summary', {
    band: textOr(t, `status.${hit.band}`, hit.band),
    score: hit.score.toFixed(2),
    query: hit.queryName ?? '',
    listed: hit.matchedName.full,
    kind: textOr(t, `match.nameKind.${hit.matchedName.kind}`, hit.matchedName.kind),
  });
  return (
    <section className="explanation" aria-label={t('review.explanation')}>
      <h3>
        {t('review.explanation')}: <strong>{summary}</strong>
      </h3>
      <ul>
        {hit.features.map((f, i) => (
          <li key={i}>
            <mark className={f.contribution >= 0 ? 'agree' : 'disagree'}>
              {textOr(t, `match.feature.${f.feature}`, f.feature)} — {f.contribution >= 0 ? t('review.agree') : t('review.disagree')} (
              {f.contribution >= 0 ? '+' : ''}
              {f.contribution.toFixed(2)})
            </mark>{' '}
            {reasonText(t, f)}
          </li>
        ))}
      </ul>
      {hit.words.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('review.candidate')}</th>
              <th scope="col">{t('review.entry')}</th>
              <th scope="col">{t('review.similarity')}</th>
              <th scope="col">{t('review.how')}</th>
            </tr>
          </thead>
          <tbody>
            {hit.words.map((w, i) => (
              <tr key={i}>
                <td>{w.query}</td>
                <td>{w.listed}</td>
                <td>
                  <mark className={w.similarity >= 0.85 ? 'agree' : 'disagree'}>{Math.round(w.similarity * 100)}</mark>
                </td>
                <td>{textOr(t, `match.how.${w.how}`, w.how)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
