/**
 * The supervisor dashboard of a post (GET /api/dashboard): today's crossings against the post's capacity with a
 * per-hour chart, throughput and median processing time per lane, and the live queue of what waits for a
 * supervisor. It stays current without reloading: each event of the post's stream (GET /api/events) schedules one
 * refetch, at most every REFRESH_MS, so a busy post costs a refetch a second, not one per crossing (and the server
 * shares one computation among every supervisor watching the post).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDashboard, type Dashboard } from '../../api/supervisor.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { HourlyChart } from './HourlyChart.js';
import { QueueList } from './QueueList.js';
import { LiveIndicator } from './LiveIndicator.js';
import { formatDuration, usePostChoice } from './post-choice.js';
import { usePostEvents, type PostEvent } from './use-post-events.js';
import './dashboard.css';

/** Least time between two refetches triggered by events. */
const REFRESH_MS = 1000; // ms

/** Calls `refresh` once per burst of events: at most every REFRESH_MS, and always after the last one. */
export function useThrottledRefresh(refresh: () => void): () => void {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      refresh();
    }, REFRESH_MS);
  }, [refresh]);
}

export function DashboardPage() {
  const { t, formatNumber } = useI18n();
  const { posts, post, choose } = usePostChoice();
  const [date, setDate] = useState('');
  const [state, reload] = useLoad(() => (post ? getDashboard(post.code, date || undefined) : Promise.resolve(undefined)), [post?.code, date]);
  const refresh = useThrottledRefresh(reload);
  const onEvent = useCallback((_event: PostEvent) => refresh(), [refresh]);
  const live = usePostEvents(post?.code, onEvent);

  const dashboard = state.status === 'done' ? state.data : undefined;
  return (
    <>
      <PageHeading title={t('dashboard.title')} intro={t('dashboard.intro')} />
      <div className="panel form form--inline dashboard__controls">
        {posts.status === 'done' && posts.data.length > 1 ? (
          <SelectField
            label={t('dashboard.post')}
            value={post?.code ?? ''}
            onChange={(e) => choose(e.target.value)}
            options={posts.data.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))}
          />
        ) : null}
        <TextField label={t('dashboard.date')} hint={t('dashboard.dateHint')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        {post ? <LiveIndicator state={live} /> : null}
      </div>
      {posts.status === 'done' && posts.data.length === 0 ? <Notice tone="info">{t('dashboard.noPosts')}</Notice> : null}
      {posts.status === 'error' ? <Notice tone="error">{errorText(t, posts.error)}</Notice> : null}
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' || (posts.status === 'loading' && !dashboard) ? <p role="status">{t('app.loading')}</p> : null}
      {dashboard ? <DashboardView dashboard={dashboard} formatNumber={formatNumber} /> : null}
    </>
  );
}

function DashboardView({ dashboard: d, formatNumber }: { readonly dashboard: Dashboard; readonly formatNumber: (n: number) => string }) {
  const { t } = useI18n();
  const share = d.capacity > 0 ? d.crossings.total / d.capacity : 0;
  const currentHour = d.today ? Number(new Intl.DateTimeFormat('en-GB', { timeZone: d.post.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(d.generatedAt))) : null;
  return (
    <div className="dashboard">
      <div className="dashboard__main">
        <section className="panel" aria-labelledby="dashboard-today">
          <div className="panel__head">
            <h2 id="dashboard-today">{t(d.today ? 'dashboard.today' : 'dashboard.onDate', { post: `${d.post.code} · ${d.post.name}`, date: d.date })}</h2>
            <span className="muted mono">{d.post.timeZone}</span>
          </div>
          <p className="capacity">
            <span className="capacity__count" data-testid="crossings-today" data-value={d.crossings.total}>
              {formatNumber(d.crossings.total)}
            </span>{' '}
            <span>{t('dashboard.ofCapacity', { capacity: d.capacity, percent: (share * 100).toFixed(1) })}</span>
          </p>
          <div
            className="capacity__bar"
            role="meter"
            aria-label={t('dashboard.capacityLabel')}
            aria-valuemin={0}
            aria-valuemax={d.capacity}
            aria-valuenow={d.crossings.total}
            aria-valuetext={t('dashboard.ofCapacity', { capacity: d.capacity, percent: (share * 100).toFixed(1) })}
          >
            <span className="capacity__fill" style={{ inlineSize: `${Math.min(100, share * 100)}%` }} />
          </div>
          <ul className="dashboard__tallies">
            {(['clear', 'secondary', 'alert'] as const).map((r) => (
              <li key={r} className={`tally tally--${r}`}>
                <span className="tally__value">{formatNumber(d.crossings.byRecommendation[r])}</span> {t(`dashboard.recommendation.${r}`)}
              </li>
            ))}
            <li className="tally">
              <span className="tally__value">{formatNumber(d.crossings.byStatus.cleared)}</span> {t('dashboard.status.cleared')}
            </li>
            <li className="tally">
              <span className="tally__value">{formatNumber(d.crossings.byStatus.refused)}</span> {t('dashboard.status.refused')}
            </li>
          </ul>
          <HourlyChart hours={d.crossings.hours} currentHour={currentHour} />
        </section>
        <section className="panel" aria-labelledby="dashboard-lanes">
          <h2 id="dashboard-lanes">{t('dashboard.lanes')}</h2>
          {d.lanes.length === 0 ? (
            <p>{t('dashboard.noLanes')}</p>
          ) : (
            <table className="table">
              <caption className="table__caption">{t('dashboard.lanesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.lane')}</th>
                  <th scope="col">{t('dashboard.crossings')}</th>
                  <th scope="col">{t('dashboard.lastHour')}</th>
                  <th scope="col">{t('dashboard.decided')}</th>
                  <th scope="col">{t('dashboard.medianProcessing')}</th>
                </tr>
              </thead>
              <tbody>
                {d.lanes.map((lane) => (
                  <tr key={lane.code}>
                    <th scope="row">
                      <span className="mono">{lane.code}</span> <span className="muted">{lane.name}</span>
                    </th>
                    <td>{formatNumber(lane.crossings)}</td>
                    <td>{lane.lastHour === null ? '—' : formatNumber(lane.lastHour)}</td>
                    <td>{formatNumber(lane.decided)}</td>
                    <td className="mono">{lane.medianProcessingSeconds === null ? '—' : formatDuration(lane.medianProcessingSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section className="panel dashboard__queue" aria-labelledby="dashboard-queue">
        <h2 id="dashboard-queue">{t('queue.title')}</h2>
        <QueueList items={d.queue.items} counts={d.queue.counts} timeZone={d.post.timeZone} headingId="dashboard-queue" />
        <p className="muted dashboard__updated">
          {t('dashboard.updated', { time: new Intl.DateTimeFormat('en-GB', { timeZone: d.post.timeZone, timeStyle: 'medium' }).format(new Date(d.generatedAt)) })}
        </p>
      </section>
    </div>
  );
}
