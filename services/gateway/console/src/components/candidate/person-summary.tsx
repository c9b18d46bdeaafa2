import { Fragment } from 'react';
import type { CandidateView } from '../../api/types';
import { textOr, useI18n } from '../../i18n/i18n';

/** The person as nominated (single reads only; document numbers arrive masked). */
export function PersonSummary({ candidate }: { candidate: CandidateView }) {
  const { t, date, language } = useI18n();
  const p = candidate.person;
  if (!p) return null;
  const countries = new Intl.DisplayNames([language], { type: 'region' });
  const country = (code?: string) => (code ? `${countries.of(code) ?? code} (${code})` : '');
  const rows: [string, string][] = [
    [t('person.names'), p.names.map((n) => (n.script ? `${n.full} (${n.script})` : n.full)).join('; ')],
    [t('field.dateOfBirth'), p.dateOfBirth ?? '—'],
    [t('person.placeOfBirth'), p.placeOfBirth ?? '—'],
    [t('person.nationalities'), p.nationalities?.map(country).join(', ') || '—'],
    [
      t('person.documents'),
      p.documents
        ?.map((d) => `${textOr(t, `person.documentType.${d.type}`, d.type)} ${d.number}${d.country ? ` · ${d.country}` : ''}`)
        .join('; ') || '—',
    ],
    [t('nominate.serviceNumber'), [p.serviceNumber, p.rank, p.unit].filter(Boolean).join(' · ') || '—'],
    [
      t('history.title'),
      p.previousEmployers?.map((e) => `${e.name} (${[e.from, e.to].filter(Boolean).join(' – ') || '—'})`).join('; ') || '—',
    ],
  ];
  if (candidate.consent)
    rows.push([
      t('consent.title'),
      `${candidate.consent.formVersion} · ${date(candidate.consent.signedAt)} · ${textOr(t, `signed.method.${candidate.consent.method}`, candidate.consent.method)}`,
    ]);
  if (candidate.selfDeclaration)
    rows.push([
      t('declaration.title'),
      candidate.selfDeclaration.recorded ? t('candidate.declarationRecorded') : t('candidate.declarationMissing'),
    ]);
  return (
    <section className="panel" aria-labelledby="person-heading">
      <h2 id="person-heading">{t('person.title')}</h2>
      <dl>
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
