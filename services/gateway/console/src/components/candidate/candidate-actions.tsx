import { api } from '../../api/client';
import type { CandidateView } from '../../api/types';
import { useSession } from '../../api/session';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n/i18n';
import { ReasonAction } from '../reason-action';
import { download } from '../download';

/**
 * What may be done with a nomination, by role: the office corrects, withdraws or exports it (the
 * person's access request); an administrator exports or erases it; UN officers open the case file.
 */
export function CandidateActions({
  candidate,
  onChanged,
  onError,
}: {
  candidate: CandidateView;
  onChanged(): void;
  onError(e: unknown): void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const roles = user!.roles;
  const id = encodeURIComponent(candidate.id);
  const open = candidate.status !== 'withdrawn' && !candidate.erased;
  const isOffice = roles.includes('tcc-officer');
  const isAdmin = roles.includes('admin');
  // Withdrawing or erasing twice returns the same candidate: a retried click changes nothing.
  const command = (path: string, reason: string) =>
    api(`/intake/candidates/${id}/${path}`, { method: 'POST', body: { reason } }).then(onChanged);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('candidate.actions')}</h2>
      <div className="actions">
        {isOffice && open && <Link to={`/candidates/${id}/correct`}>{t('candidate.correct')}</Link>}
        {(isOffice || isAdmin) && !candidate.erased && (
          <button
            type="button"
            className="secondary"
            onClick={() => download(`/intake/candidates/${id}/export`, `candidate-${candidate.caseReference}.json`).catch(onError)}
          >
            {t('candidate.export')}
          </button>
        )}
        {roles.some((r) => r === 'un-screener' || r === 'un-adjudicator' || r === 'auditor') && (
          <Link to={`/adjudications/${id}`}>{t('candidate.caseFile')}</Link>
        )}
      </div>
      {isOffice && open && (
        <ReasonAction
          id="withdraw-reason"
          label={t('candidate.withdrawReason')}
          button={t('candidate.withdraw')}
          onSubmit={(reason) => command('withdrawal', reason)}
        />
      )}
      {isAdmin && !candidate.erased && (
        <ReasonAction
          id="erase-reason"
          label={t('candidate.eraseReason')}
          button={t('candidate.erase')}
          danger
          onSubmit={(reason) => command('erasure', reason)}
        />
      )}
    </section>
  );
}
