import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { CertificateSummary, CertifiedMember, VersionDiff } from '../api/close-the-loop.types';
import { useSession } from '../api/session';
import { navigate, useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { saveBlob } from '../components/download';

function DiffTable({ diff }: { diff: VersionDiff }) {
  const { t } = useI18n();
  const rows: { kind: 'added' | 'removed' | 'changed'; before?: CertifiedMember; after?: CertifiedMember }[] = [
    ...diff.added.map((m) => ({ kind: 'added' as const, after: m })),
    ...diff.removed.map((m) => ({ kind: 'removed' as const, before: m })),
    ...diff.changed.map((c) => ({ kind: 'changed' as const, before: c.before, after: c.after })),
  ];
  return (
    <>
      <p role="status">
        {t('certificates.diff', {
          from: diff.from.version,
          to: diff.to.version,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
          unchanged: diff.unchanged,
        })}
      </p>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('certificates.change')}</th>
              <th scope="col">{t('roll.case')}</th>
              <th scope="col">{t('roll.name')}</th>
              <th scope="col">{t('certificates.before')}</th>
              <th scope="col">{t('certificates.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const m = (r.after ?? r.before)!;
              return (
                <tr key={`${r.kind}-${m.candidateId}`}>
                  <td>{t(`certificates.change.${r.kind}`)}</td>
                  <td>{m.caseReference}</td>
                  <td>{m.displayName}</td>
                  <td>{r.before ? <StatusBadge status={r.before.status} /> : '—'}</td>
                  <td>{r.after ? <StatusBadge status={r.after.status} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Every certified version of a rotation: counts, hash and signing key; download one signed; compare two. */
export default function CertificatesScreen() {
  const { t, date } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const isOffice = user!.roles.includes('tcc-officer');
  const rotation = query.get('rotation') ?? '';
  const country = isOffice ? '' : (query.get('country') ?? '');
  const base = `/intake/rotations/${encodeURIComponent(rotation)}/certificates`;
  const scope = country ? { country } : {};
  const versions = useResource(rotation ? `${rotation}/${country}` : null, () =>
    api<{ items: CertificateSummary[] }>(base, { query: scope }),
  );
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<unknown>(null);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams({ rotation: String(form.get('rotation')).trim() });
    if (form.get('country')) params.set('country', String(form.get('country')).toUpperCase());
    setDiff(null);
    navigate(`/certificates?${params}`);
  };
  const download = async (version: number) => {
    setError(null);
    try {
      const res = await api<Response>(`${base}/${version}/signed`, { query: scope, raw: true });
      saveBlob(await res.blob(), `certificate-${rotation}-v${version}.json`.replace(/[^\w.-]/g, '_'));
    } catch (e) {
      setError(e);
    }
  };
  const compare = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [a, b] = [Number(form.get('from')), Number(form.get('to'))].sort((x, y) => x - y);
    setError(null);
    try {
      setDiff(await api<VersionDiff>(`${base}/${b}/diff`, { query: { ...scope, against: a } }));
    } catch (e) {
      setError(e);
    }
  };
  const items = versions.data?.items ?? [];
  return (
    <Page title={t('certificates.title')}>
      <p className="muted">{t('certificates.hint')}</p>
      <form onSubmit={show} className="row">
        <Field id="cert-rotation" label={t('roll.rotation')}>
          <input id="cert-rotation" name="rotation" defaultValue={rotation} required />
        </Field>
        {!isOffice && (
          <Field id="cert-country" label={t('people.country')}>
            <input id="cert-country" name="country" defaultValue={country} maxLength={2} />
          </Field>
        )}
        <div className="field">
          <button type="submit">{t('certificates.show')}</button>
        </div>
      </form>
      <Loading when={versions.loading} />
      <ProblemMessage error={versions.error} />
      {items.length > 0 && (
        <table>
          <caption className="visually-hidden">
            {t('certificates.title')} {rotation}
          </caption>
          <thead>
            <tr>
              {(['version', 'certifiedAt', 'by', 'members', 'cleared', 'notCleared', 'key', 'hash'] as const).map((c) => (
                <th scope="col" key={c}>
                  {t(`certificates.${c}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('app.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <td>{v.version}</td>
                <td>{date(v.certifiedAt)}</td>
                <td>{v.certifiedBy}</td>
                <td>{v.memberCount}</td>
                <td>{v.outcomes.cleared}</td>
                <td>{v.outcomes.notCleared}</td>
                <td>
                  <code>{v.signature?.keyId ?? t('certificates.unsigned')}</code>
                </td>
                <td>
                  <code>{v.contentHash.slice(0, 19)}…</code>
                </td>
                <td>
                  {v.signature && (
                    <button type="button" className="secondary" onClick={() => download(v.version)}>
                      {t('certificates.downloadSigned', { version: v.version })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.length > 1 && (
        <form onSubmit={compare} className="row">
          <Field id="cert-from" label={t('certificates.from')}>
            <select id="cert-from" name="from" defaultValue={items[1]!.version}>
              {items.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </Field>
          <Field id="cert-to" label={t('certificates.to')}>
            <select id="cert-to" name="to" defaultValue={items[0]!.version}>
              {items.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </Field>
          <div className="field">
            <button type="submit">{t('certificates.compare')}</button>
          </div>
        </form>
      )}
      <ProblemMessage error={error} />
      {diff && <DiffTable diff={diff} />}
    </Page>
  );
}
