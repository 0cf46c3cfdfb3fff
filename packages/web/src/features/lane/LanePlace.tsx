/**
 * Where the officer works: the post (from their grants), the lane, and the direction. A lane built for entry or
 * exit fixes the direction; a lane for both remembers the last direction used on it (per post and lane, in this
 * browser), as a counter usually serves one flow for a whole shift. The choice of post and lane is remembered too.
 */
import { useEffect, useState } from 'react';
import { allPages } from '../../api/client.js';
import { DIRECTIONS, type Direction } from '../../api/crossings.js';
import type { Lane, Post } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

const PLACE_KEY = 'sarhad.lane.place';
const directionKey = (post: string, lane: string) => `sarhad.lane.direction.${post}.${lane}`;

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered across visits; still applied now.
  }
}

/** The direction a lane allows, or undefined when it takes both. */
function fixedDirection(lane: Lane): Direction | undefined {
  return lane.direction === 'entry' ? 'in' : lane.direction === 'exit' ? 'out' : undefined;
}

export interface LanePlaceState {
  readonly posts: readonly Post[] | undefined;
  readonly error: unknown;
  readonly post: Post | undefined;
  readonly lane: Lane | undefined;
  readonly direction: Direction;
  setPost(code: string): void;
  setLane(code: string): void;
  setDirection(direction: Direction): void;
}

export function useLanePlace(): LanePlaceState {
  const [state] = useLoad(() => allPages<{ posts: Post[] }>('/api/posts', 'posts').then((r) => r.posts), []);
  const posts = state.status === 'done' ? state.data : undefined;
  const [choice, setChoice] = useState<{ post?: string; lane?: string }>(() => {
    const saved = remembered(PLACE_KEY);
    const [post, lane] = saved ? saved.split('/') : [];
    return { post, lane };
  });
  const post = posts?.find((p) => p.code === choice.post) ?? posts?.[0];
  const lane = post?.lanes.find((l) => l.code === choice.lane) ?? post?.lanes[0];
  const [direction, setDirectionState] = useState<Direction>('in');

  useEffect(() => {
    if (!post || !lane) return;
    remember(PLACE_KEY, `${post.code}/${lane.code}`);
    const fixed = fixedDirection(lane);
    const saved = remembered(directionKey(post.code, lane.code));
    setDirectionState(fixed ?? ((DIRECTIONS as readonly string[]).includes(saved ?? '') ? (saved as Direction) : 'in'));
  }, [post?.code, lane?.code]); // keyed by the codes, not the objects

  return {
    posts,
    error: state.status === 'error' ? state.error : undefined,
    post,
    lane,
    direction,
    setPost: (code) => setChoice({ post: code }),
    setLane: (code) => setChoice((c) => ({ post: c.post ?? post?.code, lane: code })),
    setDirection: (next) => {
      setDirectionState(next);
      if (post && lane) remember(directionKey(post.code, lane.code), next);
    },
  };
}

export function LanePlace({ place }: { readonly place: LanePlaceState }) {
  const { t } = useI18n();
  if (place.error) return <Notice tone="error">{errorText(t, place.error)}</Notice>;
  if (!place.posts) return <p role="status">{t('app.loading')}</p>;
  if (!place.post) return <Notice tone="info">{t('lane.noPosts')}</Notice>;
  const fixed = place.lane ? fixedDirection(place.lane) : undefined;
  return (
    <section className="lane-place" aria-label={t('lane.place')}>
      <div className="field">
        <label htmlFor="lane-post">{t('lane.post')}</label>
        <select id="lane-post" value={place.post.code} onChange={(e) => place.setPost(e.target.value)}>
          {place.posts.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} · {p.name}
            </option>
          ))}
        </select>
      </div>
      {place.lane ? (
        <div className="field">
          <label htmlFor="lane-lane">{t('lane.lane')}</label>
          <select id="lane-lane" value={place.lane.code} onChange={(e) => place.setLane(e.target.value)}>
            {place.post.lanes.map((l) => (
              <option key={l.code} value={l.code}>
                {l.code} · {l.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <Notice tone="info">{t('lane.noLanes', { post: place.post.code })}</Notice>
      )}
      <fieldset className="segmented lane-place__direction" disabled={fixed !== undefined}>
        <legend>{t('lane.direction')}</legend>
        {DIRECTIONS.map((d) => (
          <label key={d} className="segmented__option">
            <input type="radio" name="lane-direction" value={d} checked={place.direction === d} onChange={() => place.setDirection(d)} />
            <span>{t(`lane.direction.${d}`)}</span>
          </label>
        ))}
      </fieldset>
      {fixed ? <p className="field__hint">{t('lane.directionFixed', { direction: t(`lane.direction.${fixed}`) })}</p> : null}
    </section>
  );
}
