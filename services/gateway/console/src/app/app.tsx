import { Suspense } from 'react';
import { useSession } from '../api/session';
import { LANGUAGES, useI18n, type Language } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { Page } from '../components/ui';
import SignIn from '../screens/sign-in.screen';
import { Link, match, useLocation } from './router';
import { allowed, PUBLIC_SCREENS, SCREENS } from './screens';

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language">
      <label htmlFor="language">{t('app.language')}</label>
      <select id="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {Object.entries(LANGUAGES).map(([code, l]) => (
          <option key={code} value={code} lang={code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function App() {
  const { user, signOut } = useSession();
  const { t } = useI18n();
  const { path } = useLocation();
  const roles = user?.roles ?? [];
  const visible = [...SCREENS.filter((s) => user && allowed(s, roles)), ...PUBLIC_SCREENS];
  const routed = [...SCREENS, ...PUBLIC_SCREENS].map((s) => ({ screen: s, params: match(s.path, path) })).find((r) => r.params);
  const isPublic = routed && PUBLIC_SCREENS.includes(routed.screen);

  let content;
  if (isPublic) content = <routed.screen.component params={routed.params!} />;
  else if (!user) content = <SignIn />;
  else if (path === '/') content = <Home />;
  else if (!routed) content = <Page title={t('app.notFound')}>{null}</Page>;
  else if (!allowed(routed.screen, roles)) content = <Page title={t('app.forbidden')}>{null}</Page>;
  else content = <routed.screen.component params={routed.params!} />;

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.title')}
        </Link>
        <LanguageSwitch />
        {user && (
          <div className="who">
            <span>
              {t('app.signedInAs', { name: user.name ?? user.username })} · {roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
              {user.country ? ` (${user.country})` : ''}
            </span>
            <button type="button" onClick={signOut}>
              {t('app.signOut')}
            </button>
          </div>
        )}
      </header>
      <div className="layout">
        {user && (
          <nav aria-label={t('app.nav')}>
            <ul>
              <li>
                <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
                  {t('nav.home')}
                </Link>
              </li>
              {visible
                .filter((s) => s.nav)
                .map((s) => (
                  <li key={s.path}>
                    <Link to={s.path} aria-current={path.startsWith(s.path) ? 'page' : undefined}>
                      {t(s.nav!)}
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>{content}</Suspense>
        </main>
      </div>
    </>
  );
}

function Home() {
  const { user } = useSession();
  const { t } = useI18n();
  const tasks = SCREENS.filter((s) => s.nav && allowed(s, user!.roles));
  return (
    <Page title={t('home.title', { name: user!.name ?? user!.username })}>
      <p>{t('home.intro')}</p>
      <ul className="tasks">
        {tasks.map((s) => (
          <li key={s.path}>
            <Link to={s.path}>{t(s.nav!)}</Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
