import type { ClearanceHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Link } from '../app/router';
import { textOr, useI18n } from '../i18n/i18n';
import { useResource } from '../components/use-resource';
import { Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';

type Revetting = ClearanceHttp['RevettingItem'];

/**
 * Who is due for periodic re-vetting within a window, and who is being re-vetted now (the office sees
 * its own country's): the clearance each one holds until the new decision, and until when.
 */
export default function Revettings() {
  const { t, date } = useI18n();
  const [state, setState] = useState<'due' | 'in-progress'>('due');
  const [within, setWithin] = useState(30);
  const list = useResource(`revettings/${state}/${within}`, () =>
    api<{ items: Revetting[] }>('/clearance/revettings', {
      query: { state, limit: 200, ...(state === 'due' ? { withinDays: within } : {}) },
    }),
  );
  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState(form.get('state') === 'in-progress' ? 'in-progress' : 'due');
    setWithin(Math.max(0, Math.min(366, Number(form.get('within') ?? 30) || 0)));
  };
  const items = list.data?.items ?? [];
  return (
    <Page title={t('revettings.title')}>
      <p className="muted">{t('revettings.intro')}</p>
      <form onSubmit={show} className="inline">
        <fieldset>
          <legend className="visually-hidden">{t('revettings.title')}</legend>
          <label>
            <input type="radio" name="state" value="due" defaultChecked={state === 'due'} /> {t('revettings.due')}
          </label>
          <label>
            <input type="radio" name="state" value="in-progress" defaultChecked={state === 'in-progress'} /> {t('revettings.inProgress')}
          </label>
        </fieldset>
        <label htmlFor="revettings-within">{t('revettings.within')}</label>
        <input id="revettings-within" name="within" type="number" min={0} max={366} defaultValue={within} />
        <button type="submit">{t('revettings.show')}</button>
      </form>
      <Loading when={list.loading} />
      <ProblemMessage error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('revettings.none')}</p>}
      {items.length > 0 && (
        <table>
          <caption>
            {state === 'due' ? t('revettings.due') : t('revettings.inProgress')}: {t('revettings.caption', { count: items.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('review.candidate')}</th>
              <th scope="col">{t('nominate.mission')}</th>
              <th scope="col">{t('nominate.rotation')}</th>
              <th scope="col">{t('nominate.category')}</th>
              <th scope="col">{t('revettings.dueAt')}</th>
              <th scope="col">{t('revettings.validUntil')}</th>
              <th scope="col">{t('roll.status')}</th>
              {state === 'in-progress' && <th scope="col">{t('revettings.openedAt')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.candidateId}>
                <td>
                  <Link to={`/candidates/${r.candidateId}`}>{r.candidateId}</Link> ({r.country})
                </td>
                <td>{r.mission ?? '—'}</td>
                <td>{r.rotation ?? '—'}</td>
                <td>{r.category ? textOr(t, `category.${r.category}`, r.category) : '—'}</td>
                <td>{date(r.dueAt)}</td>
                <td>{date(r.validUntil)}</td>
                <td>
                  <StatusBadge status={r.caseStatus} />
                </td>
                {state === 'in-progress' && <td>{date(r.openedAt)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
