/** The user's own account: who they are, their roles and posts, and a password change (which ends the other sessions). */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import type { Translate } from '../../i18n/i18n.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useSession, useUser } from './session.js';

export function AccountPage() {
  const { t } = useI18n();
  const user = useUser();
  const { changePassword } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (next !== confirm) return setMismatch(true);
    setMismatch(false);
    setBusy(true);
    setChanged(false);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setChanged(true);
    } catch (e) {
      setError(passwordChangeError(t, e));
    }
    setBusy(false);
  };

  return (
    <>
      <PageHeading title={t('account.title')} />
      <dl className="facts">
        <dt>{t('users.username')}</dt>
        <dd className="mono">{user.username}</dd>
        <dt>{t('users.displayName')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('users.roles')}</dt>
        <dd>{user.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
        <dt>{t('users.posts')}</dt>
        <dd>{user.allPosts ? t('users.allPosts') : user.posts.join(', ') || t('home.noPosts')}</dd>
      </dl>
      <section className="panel" aria-labelledby="change-password">
        <h2 id="change-password">{t('account.changePassword')}</h2>
        {error ? <Notice tone="error">{error}</Notice> : null}
        {changed ? <Notice tone="success">{t('account.changedHere')}</Notice> : null}
        <form className="form form--narrow" onSubmit={(e) => void submit(e)} noValidate>
          <TextField label={t('account.currentPassword')} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
          <TextField label={t('account.newPassword')} hint={t('setup.passwordHint')} type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
          <TextField
            label={t('account.confirmPassword')}
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? t('setup.passwordMismatch') : undefined}
            onChange={(e) => setConfirm(e.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('account.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

/** The sentence for a refused password change: wrong current password, the same password again, or the policy. */
export function passwordChangeError(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.code === 'AUTH_INVALID_CREDENTIALS') return t('account.wrongCurrent');
  if (error instanceof ApiError && error.code === 'PASSWORD_UNCHANGED') return t('account.unchanged');
  return errorText(t, error);
}
