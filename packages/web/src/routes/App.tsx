/**
 * The top of the application: asks the server whether setup is needed and who is signed in, then shows setup,
 * login or the signed-in shell with the page for the current path.
 */
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { AppShell } from '../components/AppShell.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { grants } from '../features/session/permissions.js';
import { useSession } from '../features/session/session.js';
import { LoginPage } from '../features/session/LoginPage.js';
import { PasswordChangePage } from '../features/session/PasswordChangePage.js';
import { SetupPage } from '../features/session/SetupPage.js';
import { APP_ROUTES } from './routes.js';
import { useRouter } from './router.js';

export function App() {
  const { state, signOut, reload } = useSession();
  const { t } = useI18n();
  const { path, navigate } = useRouter();

  const onPublicPage = path === '/login' || path === '/setup';
  useEffect(() => {
    // Keep the address bar truthful: /setup while setting up, /login while signed out, the page once signed in.
    if (state.kind === 'setup' && path !== '/setup') navigate('/setup', { replace: true });
    if (state.kind === 'signedOut' && path !== '/login') navigate('/login', { replace: true });
    if (state.kind === 'signedIn' && onPublicPage) navigate('/', { replace: true });
  }, [state.kind, path, onPublicPage, navigate]);

  switch (state.kind) {
    case 'loading':
      return (
        <p className="splash" role="status">
          {t('app.loading')}
        </p>
      );
    case 'unreachable':
      return (
        <div className="public">
          <div className="public__card">
            <Notice tone="error">{t('app.serverUnreachable', { message: state.message })}</Notice>
            <button type="button" className="button" onClick={reload}>
              {t('app.retry')}
            </button>
            <LanguageSwitch />
          </div>
        </div>
      );
    case 'setup':
      return <SetupPage />;
    case 'signedOut':
      return <LoginPage reason={state.reason} username={state.username} />;
    case 'signedIn': {
      const user = state.user;
      // A password an administrator set: nothing else until the user chooses their own (the server refuses the rest).
      if (user.passwordChangeRequired) return <PasswordChangePage />;
      const allowed = APP_ROUTES.filter((r) => !r.permission || grants(user.roles, r.permission));
      const route = APP_ROUTES.find((r) => r.path === (onPublicPage ? '/' : path));
      let page;
      if (!route) page = <PageNotice title={t('app.notFound')} />;
      else if (!allowed.includes(route)) page = <PageNotice title={t('app.forbidden')} />;
      else {
        const Page = route.component;
        page = <Page />;
      }
      return (
        <AppShell user={user} routes={allowed} onSignOut={() => void signOut()}>
          {page}
        </AppShell>
      );
    }
  }
}

function PageNotice({ title }: { readonly title: string }) {
  return <PageHeading title={title} />;
}
