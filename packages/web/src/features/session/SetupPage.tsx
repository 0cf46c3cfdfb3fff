/**
 * First-run setup: the one-time token printed by `sarhad serve` and the first administrator's account. The server
 * checks the token and the password policy; the page checks only that both passwords agree. Optionally the demo
 * data is loaded too (`"demo": true`): the demo accounts' one-time passwords are then shown once, before signing
 * in, while the server enrols the synthetic travellers in the background.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PublicFrame } from '../../components/PublicFrame.js';
import { errorText } from '../../components/errors.js';
import { useSession } from './session.js';

/** A demo account with its one-time password, as POST /api/setup answers with the demo choice. */
interface DemoAccount {
  readonly username: string;
  readonly roles: readonly string[];
  readonly posts: readonly string[] | 'all';
  readonly password: string | null;
}

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
  const [demo, setDemo] = useState(false);
  const [created, setCreated] = useState<{ username: string; accounts: readonly DemoAccount[] }>();

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
      const answer = await api<{ user: { username: string }; demo?: { accounts: readonly DemoAccount[] } }>(
        'POST',
        '/api/setup',
        { token: token.trim(), username, displayName, password, demo },
        { expectSession: false },
      );
      if (answer.demo) setCreated({ username: answer.user.username, accounts: answer.demo.accounts });
      else endLocally('setupDone', answer.user.username);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  if (created) {
    return (
      <PublicFrame title={t('setup.demoAccounts')} intro={t('setup.demoAccountsIntro')}>
        <table className="table" data-testid="demo-accounts">
          <thead>
            <tr>
              <th scope="col">{t('setup.demoUsername')}</th>
              <th scope="col">{t('setup.demoRoles')}</th>
              <th scope="col">{t('setup.demoPosts')}</th>
              <th scope="col">{t('setup.demoPassword')}</th>
            </tr>
          </thead>
          <tbody>
            {created.accounts.map((a) => (
              <tr key={a.username}>
                <td className="mono">{a.username}</td>
                <td>{a.roles.join(', ')}</td>
                <td>{a.posts === 'all' ? t('setup.demoAllPosts') : a.posts.join(', ')}</td>
                <td className="mono">{a.password ?? '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => endLocally('setupDone', created.username)}>
            {t('setup.demoContinue')}
          </button>
        </div>
      </PublicFrame>
    );
  }

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
        <label className="checkbox">
          <input type="checkbox" name="demo" checked={demo} onChange={(e) => setDemo(e.target.checked)} />
          {t('setup.demo')}
        </label>
        <p className="field__hint">{t('setup.demoHint')}</p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('setup.submit')}
          </button>
        </div>
      </form>
    </PublicFrame>
  );
}
