/**
 * Posts and lanes: the posts an administrator may see with their lanes; headquarters administrators create posts,
 * administrators at a post add lanes to it.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { LANE_DIRECTIONS, SIDES, type LaneDirection, type Post, type Side } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { useUser } from '../session/session.js';

export function PostsPage() {
  const { t } = useI18n();
  const me = useUser();
  const [state, reload] = useLoad(() => api<{ posts: Post[] }>('GET', '/api/posts').then((r) => r.posts), []);
  const [message, setMessage] = useState<string>();
  const done = (text: string) => {
    setMessage(text);
    reload();
  };
  return (
    <>
      <PageHeading title={t('posts.title')} intro={t('posts.intro')} />
      {message ? <Notice tone="success">{message}</Notice> : null}
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.status === 'done' ? (
        <div className="split">
          <div className="split__main">
            {state.data.length === 0 ? <p className="panel">{t('posts.none')}</p> : null}
            {state.data.map((post) => (
              <PostPanel key={post.id} post={post} onDone={done} />
            ))}
          </div>
          <div className="split__side">{me.allPosts ? <CreatePost onDone={done} /> : <p className="panel">{t('posts.onlyHeadquarters')}</p>}</div>
        </div>
      ) : null}
    </>
  );
}

function PostPanel({ post, onDone }: { readonly post: Post; onDone(message: string): void }) {
  const { t } = useI18n();
  const headingId = `post-${post.code}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-post={post.code}>
      <h2 id={headingId}>
        <span className="mono">{post.code}</span> · {post.name}
      </h2>
      <dl className="facts facts--inline">
        <dt>{t('posts.side')}</dt>
        <dd>{t(`posts.side.${post.side}`)}</dd>
        <dt>{t('posts.timeZone')}</dt>
        <dd className="mono">{post.timeZone}</dd>
      </dl>
      <h3>{t('posts.lanes')}</h3>
      {post.lanes.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('posts.laneCode')}</th>
              <th scope="col">{t('posts.laneName')}</th>
              <th scope="col">{t('posts.direction')}</th>
            </tr>
          </thead>
          <tbody>
            {post.lanes.map((l) => (
              <tr key={l.id}>
                <td className="mono">{l.code}</td>
                <td>{l.name}</td>
                <td>{t(`posts.direction.${l.direction}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('posts.noLanes')}</p>
      )}
      <AddLane post={post} onDone={onDone} />
    </section>
  );
}

function AddLane({ post, onDone }: { readonly post: Post; onDone(message: string): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [direction, setDirection] = useState<LaneDirection>('entry');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<{ lane: { code: string } }>('POST', `/api/posts/${post.code}/lanes`, { code: code.trim().toUpperCase(), name, direction });
      setCode('');
      setName('');
      onDone(t('posts.laneAdded', { lane: created.lane.code, post: post.code }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form form--compact" onSubmit={(e) => void submit(e)} noValidate aria-label={t('posts.addLane', { post: post.code })}>
      <h4>{t('posts.addLane', { post: post.code })}</h4>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form__row">
        <TextField label={t('posts.laneCode')} hint={t('posts.laneCodeHint')} required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" className="mono" />
        <TextField label={t('posts.laneName')} required value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <SelectField
          label={t('posts.direction')}
          value={direction}
          onChange={(e) => setDirection(e.target.value as LaneDirection)}
          options={LANE_DIRECTIONS.map((d) => ({ value: d, label: t(`posts.direction.${d}`) }))}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('posts.addLaneSubmit')}
        </button>
      </div>
    </form>
  );
}

function CreatePost({ onDone }: { onDone(message: string): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side>('PK');
  const [timeZone, setTimeZone] = useState('Asia/Karachi');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<{ post: Post }>('POST', '/api/posts', { code: code.trim().toUpperCase(), name, side, timeZone: timeZone.trim() });
      setCode('');
      setName('');
      onDone(t('posts.created', { code: created.post.code }));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="create-post">
      <h2 id="create-post">{t('posts.create')}</h2>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label={t('posts.code')} hint={t('posts.codeHint')} name="post-code" required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" className="mono" />
        <TextField label={t('posts.name')} name="post-name" required value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <SelectField label={t('posts.side')} name="post-side" value={side} onChange={(e) => setSide(e.target.value as Side)} options={SIDES.map((s) => ({ value: s, label: t(`posts.side.${s}`) }))} />
        <TextField label={t('posts.timeZone')} hint={t('posts.timeZoneHint')} name="post-timezone" required value={timeZone} onChange={(e) => setTimeZone(e.target.value)} autoComplete="off" className="mono" />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('posts.createSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
