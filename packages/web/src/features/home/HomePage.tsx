/** The signed-in start page: who you are, where you may act, and the pages your roles open. */
import { useI18n } from '../../i18n/i18n.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Link } from '../../routes/router.js';
import { APP_ROUTES } from '../../routes/routes.js';
import { grants } from '../session/permissions.js';
import { useUser } from '../session/session.js';

export function HomePage() {
  const { t } = useI18n();
  const user = useUser();
  const tasks = APP_ROUTES.filter((r) => r.permission && grants(user.roles, r.permission));
  return (
    <>
      <PageHeading title={t('home.title')} intro={t('home.welcome', { name: user.displayName })} />
      <div className="cards">
        <section className="panel" aria-labelledby="home-roles">
          <h2 id="home-roles">{t('home.roles')}</h2>
          <ul className="plain-list">
            {user.roles.map((r) => (
              <li key={r}>{t(`role.${r}`)}</li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="home-posts">
          <h2 id="home-posts">{t('home.posts')}</h2>
          <p>{user.allPosts ? t('home.allPosts') : user.posts.length ? <span className="mono">{user.posts.join(', ')}</span> : t('home.noPosts')}</p>
        </section>
        <section className="panel" aria-labelledby="home-tasks">
          <h2 id="home-tasks">{t('home.tasks')}</h2>
          {tasks.length ? (
            <ul className="plain-list">
              {tasks.map((r) => (
                <li key={r.path}>
                  <Link to={r.path}>{t(r.label)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.nothingYet')}</p>
          )}
        </section>
      </div>
    </>
  );
}
