import { api } from '../api/client';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

interface Flag { flagId: string; candidateId: string; country: string; raisedAt: string; caseStatus: string; reason?: string }

/** Clearances revoked after a decision (a TCC office sees its own country's, without the reason). */
export default function Revocations() {
  const { t, date } = useI18n();
  const flags = useResource('flags', () => api<{ items: Flag[] }>('/clearance/flags', { query: { limit: 200 } }));
  return (
    <Page title={t('revocations.title')}>
      <Loading when={flags.loading} />
      <ProblemMessage error={flags.error} />
      <Empty when={flags.data?.items.length === 0} />
      {flags.data && flags.data.items.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t('review.candidate')}</th><th scope="col">{t('nominate.nationality')}</th><th scope="col">{t('revocations.raised')}</th><th scope="col">{t('roll.status')}</th><th scope="col">{t('revocations.reason')}</th></tr></thead>
          <tbody>
            {flags.data.items.map((f) => (
              <tr key={f.flagId}>
                <td><Link to={`/candidates/${f.candidateId}`}>{f.candidateId}</Link></td>
                <td>{f.country}</td>
                <td>{date(f.raisedAt)}</td>
                <td><StatusBadge status={f.caseStatus} /></td>
                <td>{f.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
