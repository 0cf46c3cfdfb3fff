/**
 * A traveller's movement history (GET /api/travellers/:id/movements, audited): every crossing with its status, and
 * the cleared ones paired into stays with what permitted each stay and the days beyond it.
 */
import { api } from '../../api/client.js';
import type { Movements } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

export function TravellerMovements({ travellerId }: { readonly travellerId: string }) {
  const { t, formatTime } = useI18n();
  const [state] = useLoad(() => api<Movements>('GET', `/api/travellers/${travellerId}/movements`), [travellerId]);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <Notice tone="error">{errorText(t, state.error)}</Notice>;
  const { crossings, stays } = state.data;
  return (
    <>
      <h4>{t('movements.crossings')}</h4>
      {crossings.length ? (
        <table className="table" aria-label={t('movements.crossings')}>
          <thead>
            <tr>
              <th scope="col">{t('movements.date')}</th>
              <th scope="col">{t('movements.post')}</th>
              <th scope="col">{t('movements.direction')}</th>
              <th scope="col">{t('movements.status')}</th>
              <th scope="col">{t('movements.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {crossings.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.localDate}</td>
                <td className="mono">{c.post}</td>
                <td>{t(`movements.direction.${c.direction}`)}</td>
                <td>
                  <span className={`badge badge--crossing-${c.status}`}>{t(`crossing.${c.status}`)}</span>
                </td>
                <td>{formatTime(c.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
