/** The login page: username and password, with the reason the user landed here (signed out, session ended). */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PublicFrame } from '../../components/PublicFrame.js';
import { errorText } from '../../components/errors.js';
import { useSession, type SignedOutReason } from './session.js';

export function LoginPage({ reason, username: suggested }: { readonly reason?: SignedOutReason | undefined; readonly username?: string | undefined }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState(suggested ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (e) {
      setPassword('');
      if (e instanceof ApiError && e.code === 'AUTH_INVALID_CREDENTIALS') setError(t('login.invalid'));
      else if (e instanceof ApiError && e.code === 'AUTH_LOCKED_OUT') setError(t('login.lockedOut'));
      else if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') setError(t('login.invalid'));
      else setError(errorText(t, e));
      setBusy(false);
    }
  };

  const note =
    reason === 'ended'
      ? t('login.sessionEnded')
      : reason === 'signedOut'
        ? t('login.signedOut')
        : reason === 'setupDone'
          ? t('setup.done', { username: suggested ?? '' })
          : reason === 'passwordChanged'
            ? t('account.changed')
            : undefined;

  return (
    <PublicFrame title={t('login.title')} intro={t('login.intro')}>
      {note && !error ? <Notice tone="info">{note}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus={!suggested}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus={Boolean(suggested)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
    </PublicFrame>
  );
}
