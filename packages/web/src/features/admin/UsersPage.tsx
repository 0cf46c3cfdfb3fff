/**
 * User administration: the accounts an administrator may manage (scoped administrators see only users within their
 * posts), creating an account with roles and post grants, changing roles and grants, disabling and re-enabling an
 * account, and setting a new password. The server audits every change and ends the user's sessions when their
 * roles, grants or status change.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { allPages, api } from '../../api/client.js';
import { ROLES, type Post, type Role, type User } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { CheckboxGroup, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { useUser } from '../session/session.js';

interface Grants {
  readonly roles: Role[];
  readonly posts: string[];
  readonly allPosts: boolean;
}

function GrantsFields({ value, onChange, posts, mayGrantAll, errors }: {
  readonly value: Grants;
  onChange(next: Grants): void;
  readonly posts: readonly Post[];
  readonly mayGrantAll: boolean;
  readonly errors: { readonly roles?: string | undefined; readonly posts?: string | undefined };
}) {
  const { t } = useI18n();
  return (
    <>
      <CheckboxGroup
        legend={t('users.roles')}
        name="roles"
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        selected={value.roles}
        onChange={(roles) => onChange({ ...value, roles: roles as Role[] })}
        error={errors.roles}
      />
      <CheckboxGroup
        legend={t('users.posts')}
        name="posts"
        hint={posts.length ? undefined : t('users.noPostsAvailable')}
        options={[
          ...(mayGrantAll ? [{ value: '*', label: t('users.allPosts') }] : []),
          ...posts.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}`, disabled: value.allPosts })),
        ]}
        selected={value.allPosts ? ['*', ...value.posts] : value.posts}
        onChange={(selected) => onChange({ ...value, allPosts: selected.includes('*'), posts: selected.filter((s) => s !== '*') })}
        error={errors.posts}
      />
    </>
  );
}

function checkGrants(t: ReturnType<typeof useI18n>['t'], grants: Grants) {
  return {
    roles: grants.roles.length ? undefined : t('users.rolesRequired'),
    posts: grants.allPosts || grants.posts.length ? undefined : t('users.postsRequired'),
  };
}

export function UsersPage() {
  const { t } = useI18n();
  const me = useUser();
  const [state, reload] = useLoad(
    async () => {
      const [users, posts] = await Promise.all([
        allPages<{ users: User[] }>('/api/users', 'users'),
        allPages<{ posts: Post[] }>('/api/posts', 'posts'),
      ]);
      return { users: users.users, posts: posts.posts };
    },
    [],
  );
  const [message, setMessage] = useState<string>();
  const [editing, setEditing] = useState<string>();

  const done = (text: string) => {
    setMessage(text);
    reload();
  };

  return (
    <>
      <PageHeading title={t('users.title')} intro={t('users.intro')} />
      {message ? <Notice tone="success">{message}</Notice> : null}
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.status === 'done' ? (
        <div className="split">
          <section className="panel split__main" aria-labelledby="users-list">
            <h2 id="users-list">{t('users.list')}</h2>
            {state.data.users.length ? (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('users.username')}</th>
                    <th scope="col">{t('users.displayName')}</th>
                    <th scope="col">{t('users.roles')}</th>
                    <th scope="col">{t('users.posts')}</th>
                    <th scope="col">{t('users.status')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.users.map((u) => (
                    <tr key={u.id} data-username={u.username}>
                      <th scope="row" className="mono">
                        {u.username}
                      </th>
                      <td>{u.displayName}</td>
                      <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
                      <td>{u.allPosts ? t('users.allPosts') : <span className="mono">{u.posts.join(', ')}</span>}</td>
                      <td>
                        <span className={u.disabled ? 'badge badge--expired' : 'badge badge--valid'}>{u.disabled ? t('users.disabled') : t('users.active')}</span>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setEditing(u.id)}
                          aria-expanded={editing === u.id}
                          aria-label={t('users.edit', { username: u.username })}
                        >
                          {t('users.editShort')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t('users.none')}</p>
            )}
          </section>
          <div className="split__side">
            {editing && state.data.users.some((u) => u.id === editing) ? (
              <EditUser
                key={editing}
                user={state.data.users.find((u) => u.id === editing)!}
                posts={state.data.posts}
                mayGrantAll={me.allPosts}
                onDone={done}
                onClose={() => setEditing(undefined)}
              />
            ) : (
              <CreateUser posts={state.data.posts} mayGrantAll={me.allPosts} onDone={done} />
            )}
          </div>
        </div>
      ) : null}
    </>
  );
}

function CreateUser({ posts, mayGrantAll, onDone }: { readonly posts: readonly Post[]; readonly mayGrantAll: boolean; onDone(message: string): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<Grants>({ roles: [], posts: [], allPosts: false });
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const problems = checkGrants(t, grants);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setError(undefined);
    if (problems.roles || problems.posts) return;
    setBusy(true);
    try {
      const created = await api<{ user: User }>('POST', '/api/users', { username, displayName, password, ...grants });
      setUsername('');
      setDisplayName('');
      setPassword('');
      setGrants({ roles: [], posts: [], allPosts: false });
      setChecked(false);
      onDone(t('users.created', { username: created.user.username }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-user">
      <h2 id="create-user">{t('users.create')}</h2>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('users.username')} name="new-username" autoComplete="off" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField label={t('users.displayName')} name="new-displayName" autoComplete="off" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <TextField label={t('users.password')} hint={t('users.passwordHint')} name="new-password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <GrantsFields value={grants} onChange={setGrants} posts={posts} mayGrantAll={mayGrantAll} errors={checked ? problems : {}} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('users.createSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EditUser({ user, posts, mayGrantAll, onDone, onClose }: {
  readonly user: User;
  readonly posts: readonly Post[];
  readonly mayGrantAll: boolean;
  onDone(message: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [grants, setGrants] = useState<Grants>({ roles: [...user.roles], posts: [...user.posts], allPosts: user.allPosts });
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const problems = checkGrants(t, grants);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the editor moves focus into it, so a keyboard user does not tab through the rest of the table.
  useEffect(() => heading.current?.focus(), []);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await work());
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (problems.roles || problems.posts) return;
    void run(async () => {
      await api('PATCH', `/api/users/${user.id}`, { displayName, roles: grants.roles, posts: grants.allPosts ? [] : grants.posts, allPosts: grants.allPosts });
      return t('users.saved', { username: user.username });
    });
  };

  const toggle = () =>
    void run(async () => {
      await api('PATCH', `/api/users/${user.id}`, { disabled: !user.disabled });
      return t(user.disabled ? 'users.enabled' : 'users.disabledDone', { username: user.username });
    });

  const reset = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api('POST', `/api/users/${user.id}/password`, { password: newPassword });
      setNewPassword('');
      return t('users.resetDone', { username: user.username });
    });
  };

  return (
    <section className="panel" aria-labelledby="edit-user">
      <div className="panel__head">
        <h2 id="edit-user" ref={heading} tabIndex={-1}>
          {t('users.editTitle', { username: user.username })}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('users.cancel')}
        </button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={save} noValidate>
        <TextField label={t('users.displayName')} name="edit-displayName" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <GrantsFields value={grants} onChange={setGrants} posts={posts} mayGrantAll={mayGrantAll} errors={problems} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('users.save')}
          </button>
          <button type="button" className={user.disabled ? 'button' : 'button button--danger'} onClick={toggle} disabled={busy}>
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        </div>
      </form>
      <form className="form form--inline-end" onSubmit={reset} noValidate>
        <h3>{t('users.resetPassword')}</h3>
        <TextField label={t('users.newPassword')} hint={t('users.passwordHint')} type="password" autoComplete="new-password" required value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy || !newPassword}>
            {t('users.resetSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
