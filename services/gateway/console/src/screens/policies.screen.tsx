import { useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage } from '../components/ui';
import { PolicyCompare, type Policy } from '../components/policy/policy-compare';
import { PolicyForm } from '../components/policy/policy-form';

/** Every clearance policy version; two of them side by side, rule by rule; an administrator publishes the next. */
export default function Policies() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const policies = useResource('policies', () => api<{ activeVersion: number | null; items: Policy[] }>('/clearance/policies'));
  const items = policies.data?.items ?? [];
  const active = items.find((p) => p.version === policies.data?.activeVersion);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const right = pair ? items.find((p) => p.version === pair[1]) : active;
  const left = pair ? items.find((p) => p.version === pair[0]) : (items.at(-2) ?? active);
  const choose = (side: 0 | 1) => (value: string) =>
    setPair(side === 0 ? [Number(value), right?.version ?? 0] : [left?.version ?? 0, Number(value)]);
  return (
    <Page title={t('policies.title')}>
      <Loading when={policies.loading} />
      <ProblemMessage error={policies.error} />
      <Empty when={policies.data?.items.length === 0} />
      {published && (
        <p className="notice" role="status">
          {t('policies.published', { version: published })}
        </p>
      )}
      {items.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('policies.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policies.version')}</th>
              <th scope="col">{t('policies.by')}</th>
              <th scope="col">{t('policies.note')}</th>
            </tr>
          </thead>
          <tbody>
            {[...items].reverse().map((p) => (
              <tr key={p.version}>
                <td>
                  {p.version}
                  {p.version === active?.version ? ` (${t('policies.active')})` : ''}
                </td>
                <td>
                  {p.createdBy}, {date(p.createdAt)}
                </td>
                <td>{p.note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {left && right && (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t('policies.compare')}</h2>
          <div className="filters">
            {([0, 1] as const).map((side) => (
              <Field key={side} id={`compare-${side}`} label={t(side === 0 ? 'policies.left' : 'policies.right')}>
                <select id={`compare-${side}`} value={(side === 0 ? left : right).version} onChange={(e) => choose(side)(e.target.value)}>
                  {items.map((p) => (
                    <option key={p.version} value={p.version}>
                      {t('policies.version')} {p.version}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
          </div>
          <PolicyCompare left={left} right={right} />
        </section>
      )}
      {active && user!.roles.includes('admin') && (
        <PolicyForm
          key={active.version}
          base={active}
          onPublished={(v) => {
            setPublished(v);
            setPair(null);
            policies.reload();
          }}
        />
      )}
    </Page>
  );
}
