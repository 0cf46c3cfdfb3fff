/**
 * First-run setup: the one-time token printed by `sarhad serve` and the first administrator's account. The server
 * checks the token and the password policy; the page checks only that both passwords agree.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PublicFrame } from '../../components/PublicFrame.js';
import { errorText } from '../../components/errors.js';
import { useSession } from './session.js';

export function SetupPage() {
  const { t } = useI18n();
  const { endLocally } = useSession();
  const [token, setToken] = useState('');
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      const created = await api<{ user: { username: string } }>(
        'POST',
        '/api/setup',
        { token: token.trim(), username, displayName, password },
        { expectSession: false },
      );
      endLocally('setupDone', created.user.username);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  return (
    <PublicFrame title={t('setup.title')} intro={t('setup.intro')}>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('setup.token')}
          hint={t('setup.tokenHint')}
          name="token"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className="mono"
          autoFocus
        />
        <TextField label={t('setup.username')} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField label={t('setup.displayName')} name="displayName" autoComplete="name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <TextField
          label={t('setup.password')}
          hint={t('setup.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label={t('setup.passwordConfirm')}
          name="passwordConfirm"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          error={mismatch ? t('setup.passwordMismatch') : undefined}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('setup.submit')}
          </button>
        </div>
      </form>
    </PublicFrame>
  );
}
