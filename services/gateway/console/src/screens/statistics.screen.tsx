import type { AuditHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { textOr, useI18n, type Translate } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { BarChart } from '../components/bar-chart';
import { Field, Loading, Page, ProblemMessage } from '../components/ui';

type Statistics = AuditHttp['Statistics'];

/** Sums one figure of the groups by a key (period or country), sorted by that key. */
export function sumBy(groups: Statistics['groups'], key: 'period' | 'country', figure: string) {
  const sums = new Map<string, number>();
  for (const g of groups) sums.set(g[key], (sums.get(g[key]) ?? 0) + (g.figures[figure] ?? 0));
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([label, value]) => ({ label, value }));
}

/** A figure's name in the reader's language; a figure the console does not know yet shows its key. */
export const figureName = (t: Translate, figure: string): string => textOr(t, `statistics.figure.${figure}`, figure);

export default function StatisticsScreen() {
  const { t } = useI18n();
  const [query, setQuery] = useState<{ by: string; country?: string }>({ by: 'quarter' });
  const stats = useResource(JSON.stringify(query), () => api<Statistics>('/audit/statistics', { query }));
  const figures = Object.keys(stats.data?.totals ?? {});
  const [figure, setFigure] = useState<string>('');
  const shown = figure && figures.includes(figure) ? figure : figures[0];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const country = String(form.get('country') ?? '')
      .trim()
      .toUpperCase();
    setQuery({ by: String(form.get('by')), ...(country ? { country } : {}) });
  };
  return (
    <Page title={t('statistics.title')}>
      <form onSubmit={submit} className="row">
        <Field id="by" label={t('statistics.by')}>
          <select id="by" name="by" defaultValue="quarter">
            {(['month', 'quarter', 'year'] as const).map((b) => (
              <option key={b} value={b}>
                {t(`statistics.by.${b}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="st-country" label={t('statistics.country')}>
          <input id="st-country" name="country" maxLength={2} />
        </Field>
        <div className="field">
          <button type="submit">{t('app.refresh')}</button>
        </div>
      </form>
      <Loading when={stats.loading} />
      <ProblemMessage error={stats.error} />
      {stats.data && shown && (
        <>
          <Field id="figure" label={t('statistics.figure')}>
            <select id="figure" value={shown} onChange={(e) => setFigure(e.target.value)}>
              {figures.map((f) => (
                <option key={f} value={f}>
                  {figureName(t, f)}
                </option>
              ))}
            </select>
          </Field>
          <BarChart title={t('statistics.byPeriod', { figure: figureName(t, shown) })} data={sumBy(stats.data.groups, 'period', shown)} />
          <BarChart title={t('statistics.byCountry', { figure: figureName(t, shown) })} data={sumBy(stats.data.groups, 'country', shown)} />
          <h2>{t('statistics.totals')}</h2>
          <table>
            <tbody>
              {Object.entries(stats.data.totals).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{figureName(t, k)}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
