import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { useSession } from '../api/session';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

interface Acknowledgement {
  party: 'office' | 'un';
  by: string;
  at: string;
  note?: string;
}
interface Flag {
  flagId: string;
  candidateId: string;
  country: string;
  raisedAt: string;
  caseStatus: string;
  reason?: string;
  acknowledgements?: Acknowledgement[];
}

/** The party a user acknowledges for: the office (TCC officer) or the UN (screener, adjudicator); none for auditors. */
export function partyOf(roles: string[]): 'office' | 'un' | undefined {
  if (roles.includes('tcc-officer')) return 'office';
  if (roles.includes('un-screener') || roles.includes('un-adjudicator')) return 'un';
  return undefined;
}

/** Clearances revoked after a decision (an office sees its own country's, without the reason), acknowledged once per party. */
export default function Revocations() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const party = partyOf(user!.roles);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const flags = useResource(`flags/${onlyOpen}`, () =>
    api<{ items: Flag[] }>('/clearance/flags', { query: { limit: 200, open: onlyOpen || undefined } }),
  );
  return (
    <Page title={t('revocations.title')}>
      {party && (
        <label>
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t('revocations.onlyOpen')}
        </label>
      )}
      <Loading when={flags.loading} />
      <ProblemMessage error={flags.error} />
      <Empty when={flags.data?.items.length === 0} />
      {flags.data && flags.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('review.candidate')}</th>
              <th scope="col">{t('roll.country')}</th>
              <th scope="col">{t('revocations.raised')}</th>
              <th scope="col">{t('roll.status')}</th>
              <th scope="col">{t('revocations.reason')}</th>
              <th scope="col">{t('revocations.acknowledged')}</th>
            </tr>
          </thead>
          <tbody>
            {flags.data.items.map((f) => (
              <tr key={f.flagId}>
                <td>
                  <Link to={`/candidates/${f.candidateId}`}>{f.candidateId}</Link>
                </td>
                <td>{f.country}</td>
                <td>{date(f.raisedAt)}</td>
                <td>
                  <StatusBadge status={f.caseStatus} />
                </td>
                <td>{f.reason ?? '—'}</td>
                <td>
                  <ul className="plain">
                    {(f.acknowledgements ?? []).map((a) => (
                      <li key={a.party}>
                        {t(`revocations.party.${a.party}`)}: {a.by}, {date(a.at)}
                        {a.note ? ` — ${a.note}` : ''}
                      </li>
                    ))}
                  </ul>
                  {party && !f.acknowledgements?.some((a) => a.party === party) && <Acknowledge flag={f} onDone={flags.reload} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

function Acknowledge({ flag, onDone }: { flag: Flag; onDone(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const id = `ack-${flag.flagId}`;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    setError(null);
    try {
      await api(`/clearance/cases/${encodeURIComponent(flag.candidateId)}/flags/${encodeURIComponent(flag.flagId)}/acknowledgement`, {
        method: 'POST',
        body: note ? { note } : {},
        headers: { 'idempotency-key': idempotencyKey() },
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form onSubmit={submit}>
      <Field id={id} label={t('revocations.note')}>
        <input id={id} name="note" maxLength={500} />
      </Field>
      <ProblemMessage error={error} />
      <button type="submit">{t('revocations.acknowledge')}</button>
    </form>
  );
}
