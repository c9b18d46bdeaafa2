import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Loading, Page, ProblemMessage } from '../components/ui';

interface Policy { version: number; createdBy: string; createdAt: string; note?: string; [rule: string]: unknown }

/** Every clearance policy version, newest first, with its rules as data. */
export default function Policies() {
  const { t, date } = useI18n();
  const policies = useResource('policies', () => api<{ activeVersion: number | null; items: Policy[] }>('/clearance/policies'));
  const items = [...(policies.data?.items ?? [])].reverse();
  return (
    <Page title={t('policies.title')}>
      <Loading when={policies.loading} />
      <ProblemMessage error={policies.error} />
      <Empty when={policies.data?.items.length === 0} />
      {items.map(({ version, createdBy, createdAt, note, ...rules }) => (
        <details key={version} open={version === policies.data?.activeVersion}>
          <summary>
            {t('policies.version')} {version}{version === policies.data?.activeVersion ? ` (${t('policies.active')})` : ''} — {t('policies.by')} {createdBy}, {date(createdAt)}{note ? ` — ${note}` : ''}
          </summary>
          <pre aria-label={t('policies.rules')}>{JSON.stringify(rules, null, 2)}</pre>
        </details>
      ))}
    </Page>
  );
}
