/**
 * The only page a user whose password an administrator set (a new account, a reset) sees after signing in: the
 * server answers PASSWORD_CHANGE_REQUIRED to everything else until they choose their own. The user proves the
 * password they were given, types the new one twice, and lands in the application in the same session; signing out
 * stays possible. Labelled fields, errors announced in an alert, Enter submits (WCAG 3.3.1, 3.3.2).
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PublicFrame } from '../../components/PublicFrame.js';
import { passwordChangeError } from './AccountPage.js';
import { useSession, useUser } from './session.js';

export function PasswordChangePage() {
  const { t } = useI18n();
  const user = useUser();
  const { changePassword, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (next !== confirm) return setMismatch(true);
    setMismatch(false);
    setBusy(true);
    try {
      await changePassword(current, next); // the session now holds a user without the flag: the app opens
    } catch (e) {
      setError(passwordChangeError(t, e));
      setBusy(false);
    }
  };

  return (
    <PublicFrame title={t('passwordChange.title')} intro={t('passwordChange.intro')}>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {/* Password managers file the new password under this username. */}
        <input type="text" name="username" autoComplete="username" aria-label={t('login.username')} value={user.username} readOnly hidden />
        <TextField
          label={t('passwordChange.current')}
          name="current-password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label={t('account.newPassword')}
          hint={t('setup.passwordHint')}
          name="new-password"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <TextField
          label={t('account.confirmPassword')}
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          error={mismatch ? t('setup.passwordMismatch') : undefined}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('passwordChange.submit')}
          </button>
          <button type="button" className="button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </form>
    </PublicFrame>
  );
}
