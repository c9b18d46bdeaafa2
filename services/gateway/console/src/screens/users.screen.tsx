import type { GatewayHttp } from '@vetting/contracts/http';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { useResource } from '../components/use-resource';
import { Field, Loading, Page, ProblemMessage, StatusBadge } from '../components/ui';
import { SCREENS, type Role } from '../app/screens';

const ROLES: Role[] = ['tcc-officer', 'un-screener', 'un-adjudicator', 'auditor', 'admin'];

type Account = GatewayHttp['Account'];

/** Builds the new account from the form: a country only for an office (the gateway refuses it otherwise). */
export function accountFrom(form: FormData) {
  const roles = ROLES.filter((r) => form.get(`role-${r}`) === 'on');
  const country = String(form.get('country') ?? '')
    .trim()
    .toUpperCase();
  return {
    username: String(form.get('username') ?? '').trim(),
    name: String(form.get('name') ?? '').trim(),
    roles,
    ...(country && roles.includes('tcc-officer') ? { country } : {}),
  };
}

/** Admin: the local accounts (create with a one-time password, disable, enable) and what each role opens. */
export default function Users() {
  const { t } = useI18n();
  const accounts = useResource('users', () => api<{ items: Account[] }>('/auth/users'));
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    setError(null);
    setCreated(null);
    try {
      const res = await api<{ user: Account; password: string }>('/auth/users', {
        method: 'POST',
        body: accountFrom(new FormData(element)),
      });
      setCreated({ username: res.user.username, password: res.password });
      element.reset();
      accounts.reload();
    } catch (e) {
      setError(e);
    }
  };
  const toggle = async (account: Account) => {
    setError(null);
    try {
      await api(`/auth/users/${encodeURIComponent(account.username)}`, { method: 'PATCH', body: { disabled: !account.disabled } });
      accounts.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page title={t('users.title')}>
      <p>{t('users.intro')}</p>
      <Loading when={accounts.loading} />
      <ProblemMessage error={accounts.error ?? error} />
      {created && (
        <p className="notice" role="status">
          {t('users.created', { username: created.username })} <code>{created.password}</code>
        </p>
      )}
      {accounts.data && (
        <table>
          <caption className="visually-hidden">{t('users.accounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('signIn.username')}</th>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('nominate.nationality')}</th>
              <th scope="col">{t('roll.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.items.map((a) => (
              <tr key={a.username}>
                <th scope="row">{a.username}</th>
                <td>{a.name}</td>
                <td>{a.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</td>
                <td>{a.country ?? '—'}</td>
                <td>
                  <StatusBadge status={a.disabled ? 'withdrawn' : 'completed'} label={t(a.disabled ? 'users.disabled' : 'users.active')} />
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => void toggle(a)}>
                    {t(a.disabled ? 'users.enable' : 'users.disable', { username: a.username })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('users.create')}</h2>
      <form onSubmit={create}>
        <div className="row">
          <Field id="new-username" label={t('signIn.username')}>
            <input id="new-username" name="username" required pattern="[a-z0-9][a-z0-9._\-]{2,63}" autoComplete="off" />
          </Field>
          <Field id="new-name" label={t('users.name')}>
            <input id="new-name" name="name" required maxLength={200} />
          </Field>
          <Field id="new-country" label={t('users.country')}>
            <input id="new-country" name="country" maxLength={2} pattern="[A-Za-z]{2}" />
          </Field>
        </div>
        <fieldset>
          <legend>{t('users.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} style={{ display: 'block' }}>
              <input type="checkbox" name={`role-${r}`} /> {t(`role.${r}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('users.create')}</button>
      </form>
      <h2>{t('users.whatRolesOpen')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('app.nav')}</th>
          </tr>
        </thead>
        <tbody>
          {ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">
                {t(`role.${role}` as MessageKey)} <code>{role}</code>
              </th>
              <td>
                {SCREENS.filter((s) => s.nav && s.roles.includes(role))
                  .map((s) => t(s.nav!))
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}
