/**
 * The signed-in frame: a skip link, the header (product, language, user, sign out), the role-filtered navigation
 * and the page. Landmarks (banner, navigation, main) let screen-reader users jump between them.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../routes/router.js';
import type { AppRoute } from '../routes/routes.js';
import type { User } from '../api/types.js';
import { LanguageSwitch } from './LanguageSwitch.js';

interface AppShellProps {
  readonly user: User;
  readonly routes: readonly AppRoute[];
  onSignOut(): void;
  readonly children: ReactNode;
}

export function AppShell({ user, routes, onSignOut, children }: AppShellProps) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <div className="shell__tools">
          <LanguageSwitch />
          <span className="shell__user" data-testid="signed-in-user">
            {t('nav.signedInAs', { name: user.displayName })}
            <span className="shell__roles"> · {user.roles.map((r) => t(`role.${r}`)).join(', ')}</span>
          </span>
          <button type="button" className="button button--on-dark" onClick={onSignOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <div className="shell__body">
        <nav className="shell__nav" aria-label={t('nav.label')}>
          <ul>
            {routes.map((r) => (
              <li key={r.path}>
                <Link to={r.path}>{t(r.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
