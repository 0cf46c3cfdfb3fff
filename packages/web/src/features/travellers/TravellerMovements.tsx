/**
 * A traveller's movement history (GET /api/travellers/:id/movements, audited) as a vertical timeline: an ordered
 * list, oldest first, one item per crossing with its date at the post, direction, post and decision, and under each
 * cleared entry the stay it opened (days in the country, what permitted it, days beyond it, an overstay marked in
 * words as well as colour). It is a list of text, so a screen reader reads it in order; the line and dots are
 * decoration drawn with logical CSS properties, so they sit on the right in Urdu. The stays follow as a table too,
 * where comparing permitted dates across rows reads better.
 */
import { api } from '../../api/client.js';
import type { CrossingSummary, Movements, Stay } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

const DAY_MS = 86_400_000; // milliseconds in a day

/** Whole days between two YYYY-MM-DD dates (calendar days, as stays are counted at the post). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Today's date on the reader's clock as YYYY-MM-DD, for a stay not ended yet. */
function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function byRecordedAt(a: CrossingSummary, b: CrossingSummary): number {
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
}

function StayNote({ stay }: { readonly stay: Stay }) {
  const { t, formatNumber } = useI18n();
  if (!stay.entry) return null;
  const open = !stay.exit;
  // The entry's date is the post's; the reader may be a time zone behind it, so an open stay never counts below 0.
  const days = Math.max(0, daysBetween(stay.entry.localDate, stay.exit?.localDate ?? todayLocal()));
  const over = stay.overstayDays > 0;
  return (
    <p className={over ? 'timeline__stay timeline__stay--over' : 'timeline__stay'}>
      {open
        ? t('timeline.stayOpen', { country: stay.country, date: stay.entry.localDate, days: formatNumber(days) })
        : t('timeline.stay', { country: stay.country, days: formatNumber(days) })}
      {stay.permitted ? (
        <>
          {' · '}
          {t('timeline.permitted', { basis: t(`stay.${stay.permitted.basis}`) })}
          {stay.permitted.until ? <> {t('movements.until', { date: stay.permitted.until })}</> : null}
        </>
      ) : null}
      {over ? (
        <>
          {' · '}
          <strong className="badge badge--expired">{t('timeline.overstay', { days: formatNumber(stay.overstayDays) })}</strong>
        </>
      ) : null}
    </p>
  );
}

export function TravellerMovements({ travellerId }: { readonly travellerId: string }) {
  const { t, formatTime } = useI18n();
  const [state] = useLoad(() => api<Movements>('GET', `/api/travellers/${travellerId}/movements`), [travellerId]);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <Notice tone="error">{errorText(t, state.error)}</Notice>;
  const { stays } = state.data;
  const crossings = [...state.data.crossings].sort(byRecordedAt);
  const stayFrom = new Map(stays.filter((s) => s.entry).map((s) => [s.entry!.id, s]));
  return (
    <>
      <h4 id={`timeline-${travellerId}`}>{t('movements.crossings')}</h4>
      {crossings.length ? (
        <ol className="timeline" aria-labelledby={`timeline-${travellerId}`} data-testid="movement-timeline">
          {crossings.map((c) => {
            const stay = stayFrom.get(c.id);
            return (
              <li key={c.id} className={`timeline__item timeline__item--${c.direction}`}>
                <p className="timeline__head">
                  <time dateTime={c.localDate} className="mono" dir="ltr">
                    {c.localDate}
                  </time>{' '}
                  <span>{t('timeline.crossing', { direction: t(`movements.direction.${c.direction}`), post: c.post })}</span>{' '}
                  <span className={`badge badge--crossing-${c.status}`}>{t(`crossing.${c.status}`)}</span>
                </p>
                <p className="timeline__meta">
                  {t('movements.recorded')}: <time dateTime={c.recordedAt}>{formatTime(c.recordedAt)}</time>
                </p>
                {stay ? <StayNote stay={stay} /> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t('movements.none')}</p>
      )}
      {stays.length ? (
        <>
          <h4>{t('movements.stays')}</h4>
          <table className="table" aria-label={t('movements.stays')}>
            <thead>
              <tr>
                <th scope="col">{t('movements.country')}</th>
                <th scope="col">{t('movements.entry')}</th>
                <th scope="col">{t('movements.exit')}</th>
                <th scope="col">{t('movements.permitted')}</th>
                <th scope="col">{t('movements.overstay')}</th>
              </tr>
            </thead>
            <tbody>
              {stays.map((s, i) => (
                <tr key={s.entry?.id ?? s.exit?.id ?? i}>
                  <td className="mono">{s.country}</td>
                  <td className="mono">{s.entry ? `${s.entry.localDate} ${s.entry.post}` : '—'}</td>
                  <td>{s.exit ? <span className="mono">{`${s.exit.localDate} ${s.exit.post}`}</span> : t('movements.open')}</td>
                  <td>
                    {s.permitted ? (
                      <>
                        {t(`stay.${s.permitted.basis}`)}
                        {s.permitted.until ? <span className="mono"> · {t('movements.until', { date: s.permitted.until })}</span> : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{s.overstayDays > 0 ? <span className="badge badge--expired">{t('movements.overstayDays', { days: s.overstayDays })}</span> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
