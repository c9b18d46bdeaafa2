import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { PEOPLE_FIGURES, type PeopleStatistics } from '../api/close-the-loop.types';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { BarChart } from '../components/bar-chart';
import { Field, Loading, Page, ProblemMessage } from '../components/ui';

const CATEGORIES = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer', 'civilian'];

/** People screened, cleared, refused and pending by period, country, mission and category. */
export default function PeopleStatisticsScreen() {
  const { t } = useI18n();
  const { user } = useSession();
  const isOffice = user!.roles.includes('tcc-officer');
  const [query, setQuery] = useState<Record<string, string>>({ by: 'quarter' });
  const stats = useResource(JSON.stringify(query), () => api<PeopleStatistics>('/audit/statistics/people', { query }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string, upper = false) =>
      String(form.get(name) ?? '')
        .trim()
        [upper ? 'toUpperCase' : 'toString']();
    setQuery(
      Object.fromEntries(
        Object.entries({
          by: value('by'),
          country: value('country', true),
          mission: value('mission', true),
          category: value('category'),
        }).filter(([, v]) => v),
      ),
    );
  };
  const data = stats.data;
  const periods = new Map<string, number>();
  for (const g of data?.groups ?? []) periods.set(g.period, (periods.get(g.period) ?? 0) + g.figures.people);
  return (
    <Page title={t('people.title')}>
      <p className="muted">{t('people.hint')}</p>
      <form onSubmit={submit} className="row">
        <Field id="pp-by" label={t('statistics.by')}>
          <select id="pp-by" name="by" defaultValue="quarter">
            {(['month', 'quarter', 'year'] as const).map((b) => (
              <option key={b} value={b}>
                {t(`statistics.by.${b}`)}
              </option>
            ))}
          </select>
        </Field>
        {!isOffice && (
          <Field id="pp-country" label={t('statistics.country')}>
            <input id="pp-country" name="country" maxLength={2} />
          </Field>
        )}
        <Field id="pp-mission" label={t('people.mission')}>
          <input id="pp-mission" name="mission" maxLength={50} />
        </Field>
        <Field id="pp-category" label={t('people.category')}>
          <select id="pp-category" name="category" defaultValue="">
            <option value="">{t('people.anyCategory')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <button type="submit">{t('app.refresh')}</button>
        </div>
      </form>
      <Loading when={stats.loading} />
      <ProblemMessage error={stats.error} />
      {data && (
        <>
          <BarChart
            title={t('people.byPeriod')}
            data={[...periods].sort(([a], [b]) => a.localeCompare(b)).map(([label, value]) => ({ label, value }))}
          />
          <BarChart
            title={t('people.byState')}
            data={PEOPLE_FIGURES.filter((f) => f !== 'people').map((f) => ({ label: t(`people.figure.${f}`), value: data.totals[f] }))}
          />
          <h2>{t('people.groups')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('people.period')}</th>
                <th scope="col">{t('people.country')}</th>
                <th scope="col">{t('nominate.mission')}</th>
                <th scope="col">{t('nominate.category')}</th>
                {PEOPLE_FIGURES.map((f) => (
                  <th scope="col" key={f}>
                    {t(`people.figure.${f}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr key={`${g.period}|${g.country}|${g.mission}|${g.category}`}>
                  <td>{g.period}</td>
                  <td>{g.country}</td>
                  <td>{g.mission}</td>
                  <td>{g.category}</td>
                  {PEOPLE_FIGURES.map((f) => (
                    <td key={f}>{g.figures[f]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t('statistics.totals')}
                </th>
                {PEOPLE_FIGURES.map((f) => (
                  <td key={f}>{data.totals[f]}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </Page>
  );
}
