import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Page } from '../components/ui';
import { SCREENS } from '../app/screens';

const ROLES = ['tcc-officer', 'un-screener', 'un-adjudicator', 'auditor', 'admin'] as const;

/** Roles and what each may open (from the same table the navigation uses); the signed-in token. */
export default function Users() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <Page title={t('users.title')}>
      <p>{t('users.intro')}</p>
      <table>
        <thead><tr><th scope="col">{t('roll.status')}</th><th scope="col">{t('app.nav')}</th></tr></thead>
        <tbody>
          {ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">{t(`role.${role}` as MessageKey)} <code>{role}</code></th>
              <td>{SCREENS.filter((s) => s.nav && s.roles.includes(role)).map((s) => t(s.nav!)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('users.you')}</h2>
      <pre>{JSON.stringify(user, null, 2)}</pre>
    </Page>
  );
}
