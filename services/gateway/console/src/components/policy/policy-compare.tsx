import type { ClearanceHttp } from '@vetting/contracts/http';
import { Fragment } from 'react';
import { useI18n } from '../../i18n/i18n';

export type Policy = ClearanceHttp['Policy'];

/** Every rule of a policy as a path and a readable value (`requiredChecks/civilian` → "un-records, …"). */
export function flatten(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  const isLeafList = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
  if (value !== null && typeof value === 'object' && !isLeafList) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (!entries.length) out.set(path, '—');
    for (const [k, v] of entries) for (const [p, text] of flatten(v, path ? `${path}/${k}` : k)) out.set(p, text);
  } else out.set(path, Array.isArray(value) ? (value.length ? value.join(', ') : '—') : String(value));
  return out;
}

const META = new Set(['version', 'createdBy', 'createdAt']);

/** Two versions side by side, rule by rule; a rule that differs is marked (in words as well as colour). */
export function PolicyCompare({ left, right }: { left: Policy; right: Policy }) {
  const { t } = useI18n();
  const strip = (p: Policy) => Object.fromEntries(Object.entries(p).filter(([k]) => !META.has(k)));
  const a = flatten(strip(left));
  const b = flatten(strip(right));
  // A rule absent from one version reads as empty there ("—"), like an empty list.
  const valueOf = (m: Map<string, string>, p: string) => m.get(p) ?? '—';
  const paths = [...new Set([...a.keys(), ...b.keys()])]
    .sort()
    .filter((p) => !(valueOf(a, p) === '—' && valueOf(b, p) === '—' && [...a.keys(), ...b.keys()].some((k) => k.startsWith(`${p}/`))));
  const differing = paths.filter((p) => valueOf(a, p) !== valueOf(b, p)).length;
  return (
    <>
      <p role="status">{t('policies.differences', { count: differing })}</p>
      <table className="compare">
        <caption className="visually-hidden">{t('policies.compareCaption', { left: left.version, right: right.version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('policies.rule')}</th>
            <th scope="col">
              {t('policies.version')} {left.version}
            </th>
            <th scope="col">
              {t('policies.version')} {right.version}
            </th>
          </tr>
        </thead>
        <tbody>
          {paths.map((p) => {
            const changed = valueOf(a, p) !== valueOf(b, p);
            return (
              <Fragment key={p}>
                <tr className={changed ? 'diff-changed' : undefined}>
                  <th scope="row">
                    {p}
                    {changed && <span className="visually-hidden"> ({t('policies.changed')})</span>}
                  </th>
                  <td>{valueOf(a, p)}</td>
                  <td>{changed ? <strong>{valueOf(b, p)}</strong> : valueOf(b, p)}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
