import { api } from '../../api/client';
import { toneOf, type RequestSummary } from '../../api/action-request.types';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../use-resource';
import { Empty, ProblemMessage, StatusBadge } from '../ui';

/** The requests for action sent to the person's country about them: the clearance history links to the follow-up. */
export function CaseActionRequests({ candidateId }: { candidateId: string }) {
  const { t, date } = useI18n();
  const found = useResource(`rfa/${candidateId}`, () =>
    api<{ items: RequestSummary[] }>('/accountability/action-requests', { query: { candidateId } }),
  );
  return (
    <section aria-labelledby="rfa-heading">
      <h2 id="rfa-heading">{t('rfa.aboutPerson')}</h2>
      <ProblemMessage error={found.error} />
      <Empty when={found.data?.items.length === 0} />
      <ul>
        {found.data?.items.map((r) => (
          <li key={r.id}>
            <Link to={`/action-requests/${r.id}`}>{r.reference}</Link> · {r.listEntry.listId} / {r.listEntry.entryId} ·{' '}
            <StatusBadge status={toneOf(r.status)} label={t(`rfa.status.${r.status}`)} /> · {t('rfa.dueBy')} {date(r.dueBy)}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/action-requests">{t('rfa.record')}</Link>
      </p>
    </section>
  );
}
