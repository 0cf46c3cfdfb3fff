/**
 * The supervisor's queue at a post, kept live over server-sent events, with the item chosen (`?crossing=<id>` or
 * `?case=<id>`) opened beside it for a decision: an alert, a referral or a fingerprint exception is decided or
 * overridden with a reason, a watchlist hit can be recorded as "not the listed person", a possible duplicate
 * enrolment is resolved. The queue shows ids, kinds and times only; opening an item is the audited read.
 */
import { useCallback } from 'react';
import { getDashboard } from '../../api/supervisor.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { useRouter } from '../../routes/router.js';
import { QueueList } from '../dashboard/QueueList.js';
import { LiveIndicator } from '../dashboard/LiveIndicator.js';
import { useThrottledRefresh } from '../dashboard/DashboardPage.js';
import { usePostChoice } from '../dashboard/post-choice.js';
import { usePostEvents } from '../dashboard/use-post-events.js';
import { CrossingReview } from './CrossingReview.js';
import { CaseReview } from './CaseReview.js';
import '../dashboard/dashboard.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function SupervisorPage() {
  const { t } = useI18n();
  useRouter(); // re-render when the chosen item (the query string) changes
  const params = new URLSearchParams(window.location.search);
  const crossingId = params.get('crossing') ?? undefined;
  const caseId = params.get('case') ?? undefined;
  const { posts, post, choose } = usePostChoice();
  const [state, reload] = useLoad(() => (post ? getDashboard(post.code) : Promise.resolve(undefined)), [post?.code]);
  const refresh = useThrottledRefresh(reload);
  const live = usePostEvents(
    post?.code,
    useCallback(() => refresh(), [refresh]),
  );
  const dashboard = state.status === 'done' ? state.data : undefined;
  const selected = crossingId ?? caseId;

  return (
    <>
      <PageHeading title={t('supervisor.title')} intro={t('supervisor.intro')} />
      <div className="panel form form--inline dashboard__controls">
        {posts.status === 'done' && posts.data.length > 1 ? (
          <SelectField
            label={t('dashboard.post')}
            value={post?.code ?? ''}
            onChange={(e) => choose(e.target.value)}
            options={posts.data.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
          />
        ) : null}
        {post ? <LiveIndicator state={live} /> : null}
      </div>
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      <div className="supervisor">
        <section className="panel" aria-labelledby="supervisor-queue">
          <h2 id="supervisor-queue">{t('queue.title')}</h2>
          {dashboard ? (
            <QueueList items={dashboard.queue.items} counts={dashboard.queue.counts} timeZone={dashboard.post.timeZone} selectedId={selected} headingId="supervisor-queue" />
          ) : (
            <p role="status">{t('app.loading')}</p>
          )}
        </section>
        <div className="supervisor__detail">
          {crossingId && UUID.test(crossingId) ? (
            <CrossingReview id={crossingId} timeZone={dashboard?.post.timeZone} onChanged={refresh} />
          ) : caseId && UUID.test(caseId) ? (
            <CaseReview id={caseId} timeZone={dashboard?.post.timeZone} onChanged={refresh} />
          ) : (
            <p className="panel">{t('supervisor.chooseItem')}</p>
          )}
        </div>
      </div>
    </>
  );
}
