/**
 * Lane devices: choose a post, see its devices, register one on a lane (the API key is shown once, in a panel the
 * administrator dismisses explicitly), revoke a key after confirming.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import type { Device, Post } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

export function DevicesPage() {
  const { t } = useI18n();
  const [postsState] = useLoad(() => api<{ posts: Post[] }>('GET', '/api/posts').then((r) => r.posts), []);
  const [chosen, setChosen] = useState<string>();
  const posts = postsState.status === 'done' ? postsState.data : [];
  const postCode = chosen ?? posts[0]?.code;
  const post = posts.find((p) => p.code === postCode);

  return (
    <>
      <PageHeading title={t('devices.title')} intro={t('devices.intro')} />
      {postsState.status === 'error' ? <Notice tone="error">{errorText(t, postsState.error)}</Notice> : null}
      {postsState.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {postsState.status === 'done' && posts.length === 0 ? <p className="panel">{t('devices.noPosts')}</p> : null}
      {post ? (
        <>
          <div className="toolbar">
            <SelectField label={t('devices.post')} value={post.code} onChange={(e) => setChosen(e.target.value)} options={posts.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))} />
          </div>
          <PostDevices key={post.code} post={post} />
        </>
      ) : null}
    </>
  );
}

function PostDevices({ post }: { readonly post: Post }) {
  const { t, formatTime } = useI18n();
  const [state, reload] = useLoad(() => api<{ devices: Device[] }>('GET', `/api/posts/${post.code}/devices`).then((r) => r.devices), [post.code]);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [issued, setIssued] = useState<{ device: Device; apiKey: string }>();
  const [confirming, setConfirming] = useState<string>();

  const revoke = async (device: Device) => {
    setError(undefined);
    try {
      await api('POST', `/api/devices/${device.id}/revoke`);
      setConfirming(undefined);
      setMessage(t('devices.revokedDone', { name: device.name }));
      reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <div className="split">
      <section className="panel split__main" aria-labelledby="devices-list">
        <h2 id="devices-list">
          {t('devices.title')} · <span className="mono">{post.code}</span>
        </h2>
        {message ? <Notice tone="success">{message}</Notice> : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
        {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
        {state.status === 'done' && state.data.length === 0 ? <p>{t('devices.none')}</p> : null}
        {state.status === 'done' && state.data.length ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('devices.name')}</th>
                <th scope="col">{t('devices.lane')}</th>
                <th scope="col">{t('devices.keyPrefix')}</th>
                <th scope="col">{t('devices.created')}</th>
                <th scope="col">{t('devices.lastSeen')}</th>
                <th scope="col">{t('devices.status')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td className="mono">{d.lane}</td>
                  <td className="mono">{d.keyPrefix}…</td>
                  <td>{formatTime(d.createdAt)}</td>
                  <td>{d.lastSeenAt ? formatTime(d.lastSeenAt) : t('devices.never')}</td>
                  <td>
                    {d.revokedAt ? (
                      <span className="badge badge--expired">{t('devices.revoked', { time: formatTime(d.revokedAt) })}</span>
                    ) : confirming === d.id ? (
                      <span className="confirm" role="group" aria-label={t('devices.revokeConfirm', { name: d.name })}>
                        <span>{t('devices.revokeConfirm', { name: d.name })}</span>
                        <button type="button" className="button button--small button--danger" onClick={() => void revoke(d)}>
                          {t('devices.revokeYes')}
                        </button>
                        <button type="button" className="button button--small" onClick={() => setConfirming(undefined)}>
                          {t('devices.revokeNo')}
                        </button>
                      </span>
                    ) : (
                      <>
                        <span className="badge badge--valid">{t('devices.active')}</span>{' '}
                        <button type="button" className="button button--small" onClick={() => setConfirming(d.id)} aria-label={t('devices.revoke', { name: d.name })}>
                          {t('devices.revokeShort')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <div className="split__side">
        {issued ? (
          <IssuedKey issued={issued} onDone={() => setIssued(undefined)} />
        ) : (
          <RegisterDevice
            post={post}
            onCreated={(created) => {
              setMessage(undefined);
              setIssued(created);
              reload();
            }}
          />
        )}
      </div>
    </div>
  );
}

function IssuedKey({ issued, onDone }: { readonly issued: { device: Device; apiKey: string }; onDone(): void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel panel--attention" aria-labelledby="issued-key">
      <h2 id="issued-key" ref={heading} tabIndex={-1}>
        {t('devices.keyTitle', { name: issued.device.name })}
      </h2>
      <p>{t('devices.keyOnce')}</p>
      <label className="field">
        <span>{t('devices.keyLabel')}</span>
        <textarea className="mono key" readOnly rows={2} value={issued.apiKey} onFocus={(e) => e.target.select()} data-testid="device-api-key" spellCheck={false} />
      </label>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('devices.keyDone')}
        </button>
      </div>
    </section>
  );
}

function RegisterDevice({ post, onCreated }: { readonly post: Post; onCreated(created: { device: Device; apiKey: string }): void }) {
  const { t } = useI18n();
  const [lane, setLane] = useState(post.lanes[0]?.code ?? '');
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (post.lanes.length === 0) return <p className="panel">{t('devices.noLanes')}</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<{ device: Device; apiKey: string }>('POST', `/api/posts/${post.code}/devices`, { lane, name });
      setName('');
      onCreated(created);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="register-device">
      <h2 id="register-device">{t('devices.register')}</h2>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField label={t('devices.lane')} value={lane} onChange={(e) => setLane(e.target.value)} options={post.lanes.map((l) => ({ value: l.code, label: `${l.code} · ${l.name}` }))} />
        <TextField label={t('devices.name')} required value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('devices.registerSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
