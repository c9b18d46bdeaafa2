import { api } from '../api/client';
import type { Certificate as CertificateData } from '../api/types';
import { useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { certificateHash } from '../components/certificate-hash';
import { saveBlob, fileName } from '../components/download';

/**
 * A rotation's certificate as a page made to be printed (or saved as PDF from the print dialog): the
 * roll as certified, with its content hash, which the page recomputes from what it shows so a printed
 * copy can be checked against the hash it carries.
 */
export default function Certificate() {
  const { t, date } = useI18n();
  const { query } = useLocation();
  const rotation = query.get('rotation') ?? '';
  const country = query.get('country') ?? undefined;
  const found = useResource(rotation ? `${rotation}/${country ?? ''}` : null, async () => {
    const certificate = await api<CertificateData>(`/intake/rotations/${encodeURIComponent(rotation)}/certification`, {
      query: { country },
    });
    return { certificate, computed: await certificateHash(certificate) };
  });
  const c = found.data?.certificate;
  const verified = found.data && found.data.computed === c?.contentHash;
  return (
    <Page title={t('certificate.title', { rotation })}>
      <Loading when={found.loading} />
      <ProblemMessage error={found.error} />
      {c && (
        <article className="certificate">
          <div className="actions no-print">
            <button type="button" onClick={() => print()}>
              {t('certificate.print')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                saveBlob(
                  new Blob([JSON.stringify(c, null, 2)], { type: 'application/json' }),
                  fileName(`certificate-${c.country}-${c.rotation}-v${c.version}.json`),
                )
              }
            >
              {t('certificate.json')}
            </button>
          </div>
          <dl className="panel">
            <dt>{t('roll.country')}</dt>
            <dd>{c.country}</dd>
            <dt>{t('roll.rotation')}</dt>
            <dd>{c.rotation}</dd>
            {c.missions?.length ? (
              <>
                <dt>{t('nominate.mission')}</dt>
                <dd>{c.missions.join(', ')}</dd>
              </>
            ) : null}
            <dt>{t('certificate.version')}</dt>
            <dd>
              {c.version}
              {c.supersedes ? ` (${t('certificate.supersedes', { id: c.supersedes })})` : ''}
            </dd>
            <dt>{t('certificate.certified')}</dt>
            <dd>
              {date(c.certifiedAt)} — {c.certifiedBy}
            </dd>
            {c.statement && (
              <>
                <dt>{t('roll.statement')}</dt>
                <dd>{c.statement}</dd>
              </>
            )}
            <dt>{t('certificate.members')}</dt>
            <dd>{c.members.length}</dd>
            <dt>{t('certificate.hash')}</dt>
            <dd>
              <code className="hash">{c.contentHash}</code>
            </dd>
          </dl>
          <p role="status" className={verified ? 'notice' : 'problem'}>
            {verified ? t('certificate.verified') : t('certificate.mismatch', { computed: found.data!.computed })}
          </p>
          <p className="muted">{t('certificate.howToVerify')}</p>
          <table>
            <caption className="visually-hidden">{t('certificate.members')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('roll.case')}</th>
                <th scope="col">{t('roll.name')}</th>
                <th scope="col">{t('roll.status')}</th>
                <th scope="col">{t('roll.decision')}</th>
                <th scope="col">{t('certificate.lists')}</th>
              </tr>
            </thead>
            <tbody>
              {c.members.map((m, i) => (
                <tr key={m.candidateId}>
                  <td>{i + 1}</td>
                  <td>{m.caseReference}</td>
                  <td>{m.displayName ?? '—'}</td>
                  <td>
                    <StatusBadge status={m.status} />
                  </td>
                  <td>
                    {date(m.decidedAt)}
                    {m.validUntil ? ` · ${t('candidate.validUntil', { date: date(m.validUntil) })}` : ''}
                  </td>
                  <td>{m.listVersions.map((v) => `${v.listId} v${v.version}`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      )}
    </Page>
  );
}
