import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { CandidateView, Certificate } from '../api/types';
import { useSession } from '../api/session';
import { Link, navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Empty, Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

interface Diff { added: unknown[]; removed: unknown[]; changed: unknown[] }

const orNull = <T,>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));

/** The roll of a rotation: every member's status, the latest certificate, and certification. */
export default function Roll() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const rotation = query.get('rotation') ?? '';
  const country = query.get('country') ?? '';
  const isOffice = user!.roles.includes('tcc-officer');
  const scope = { rotation, ...(country && !isOffice ? { country } : {}) };
  const roll = useResource(rotation ? `${rotation}/${country}` : null, async () => {
    const [candidates, certificate, diff] = await Promise.all([
      api<{ items: CandidateView[] }>('/intake/candidates', { query: { ...scope, limit: 500 } }),
      orNull(api<Certificate>(`/intake/rotations/${encodeURIComponent(rotation)}/certification`, { query: { country: scope.country } })),
      orNull(api<Diff>(`/intake/rotations/${encodeURIComponent(rotation)}/certification/diff`, { query: { country: scope.country } })),
    ]);
    return { candidates: candidates.items, certificate, diff };
  });
  const [certifyError, setCertifyError] = useState<unknown>(null);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams({ rotation: String(form.get('rotation')).trim() });
    if (form.get('country')) params.set('country', String(form.get('country')).toUpperCase());
    navigate(`/roll?${params}`);
  };
  const certify = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const statement = String(new FormData(event.currentTarget).get('statement') ?? '').trim();
    setCertifyError(null);
    try {
      await api(`/intake/rotations/${encodeURIComponent(rotation)}/certification`, { method: 'POST', body: statement ? { statement } : {} });
      roll.reload();
    } catch (e) {
      setCertifyError(e);
    }
  };

  const data = roll.data;
  return (
    <Page title={t('roll.title')}>
      <form onSubmit={show} className="row">
        <Field id="roll-rotation" label={t('roll.rotation')}><input id="roll-rotation" name="rotation" defaultValue={rotation} required /></Field>
        {!isOffice && <Field id="roll-country" label={t('nominate.nationality')}><input id="roll-country" name="country" defaultValue={country} maxLength={2} /></Field>}
        <div className="field"><button type="submit">{t('roll.show')}</button></div>
      </form>
      <Loading when={roll.loading} />
      <ProblemMessage error={roll.error} />
      {data && (
        <>
          <p>{t('roll.members', { count: data.candidates.length })}</p>
          <Empty when={data.candidates.length === 0} />
          {data.candidates.length > 0 && (
            <table>
              <caption className="visually-hidden">{t('roll.title')} {rotation}</caption>
              <thead><tr><th scope="col">{t('roll.name')}</th><th scope="col">{t('roll.case')}</th><th scope="col">{t('roll.status')}</th><th scope="col">{t('roll.decision')}</th></tr></thead>
              <tbody>
                {data.candidates.map((c) => (
                  <tr key={c.id}>
                    <td><Link to={`/candidates/${c.id}`}>{c.displayName}</Link></td>
                    <td>{c.caseReference}</td>
                    <td><StatusBadge status={c.status} /></td>
                    <td>{c.decision ? `${date(c.decision.decidedAt)}${c.decision.validUntil ? ` · ${t('candidate.validUntil', { date: date(c.decision.validUntil) })}` : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('roll.certify')}</h2>
          <p>{data.certificate ? t('roll.certified', { version: data.certificate.version, date: date(data.certificate.certifiedAt), by: data.certificate.certifiedBy }) : t('roll.notCertified')}</p>
          {data.diff && <p>{t('roll.changed', { added: data.diff.added.length, removed: data.diff.removed.length, changed: data.diff.changed.length })}</p>}
          {isOffice && (
            <form onSubmit={certify}>
              <Field id="statement" label={t('roll.statement')}><textarea id="statement" name="statement" maxLength={1000} rows={2} /></Field>
              <ProblemMessage error={certifyError} />
              <button type="submit">{t('roll.certify')}</button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}
