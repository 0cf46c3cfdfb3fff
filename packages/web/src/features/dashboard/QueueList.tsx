/**
 * The queue of what waits for a supervisor at a post (from GET /api/dashboard: ids, kinds, lanes and times; no
 * names): alerts, fingerprint exceptions, referrals to secondary inspection and possible duplicate enrolments,
 * oldest first. Each item links to the supervisor's page, where opening it is an audited read.
 */
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../routes/router.js';
import { QUEUE_KINDS, type QueueItem, type QueueKind } from '../../api/supervisor.js';
import { timeAtPost } from './post-choice.js';

/** The supervisor page's address for an item. */
export function itemPath(item: QueueItem): string {
  return item.kind === 'duplicate' ? `/supervisor?case=${item.caseId}` : `/supervisor?crossing=${item.crossingId}`;
}

export function itemId(item: QueueItem): string {
  return item.kind === 'duplicate' ? item.caseId : item.crossingId;
}

interface QueueListProps {
  readonly items: readonly QueueItem[];
  readonly counts: Readonly<Record<QueueKind, number>>;
  readonly timeZone: string;
  readonly selectedId?: string | undefined;
  readonly headingId: string;
}

export function QueueList({ items, counts, timeZone, selectedId, headingId }: QueueListProps) {
  const { t, language } = useI18n();
  const locale = language === 'ur' ? 'ur-PK' : 'en-GB';
  return (
    <>
      <ul className="queue-counts" aria-label={t('queue.countsLabel')}>
        {QUEUE_KINDS.map((kind) => (
          <li key={kind} className={`queue-count queue-count--${kind}`}>
            <span className="queue-count__value" data-testid={`queue-count-${kind}`}>
              {counts[kind]}
            </span>{' '}
            <span>{t(`queue.kind.${kind}`)}</span>
          </li>
        ))}
      </ul>
      {items.length === 0 ? (
        <p role="status">{t('queue.empty')}</p>
      ) : (
        <ol className="queue" aria-labelledby={headingId}>
          {items.map((item) => {
            const id = itemId(item);
            const time = timeAtPost(item.at, timeZone, locale);
            const what =
              item.kind === 'duplicate'
                ? t(item.caseKind === 'new_traveller' ? 'queue.case.new_traveller' : 'queue.case.more_fingers', { candidates: item.candidates })
                : item.kind === 'exception' && item.exception
                  ? t(`queue.exception.${item.exception}`)
                  : t(`queue.status.${item.status}`);
            return (
              <li key={id} className={`queue__item queue__item--${item.kind}`} aria-current={id === selectedId ? 'true' : undefined}>
                <span className={`queue__kind badge badge--queue-${item.kind}`}>{t(`queue.kind1.${item.kind}`)}</span>
                <span className="queue__what">{what}</span>
                <span className="queue__meta">
                  {item.kind === 'duplicate' ? null : <span className="mono">{item.lane}</span>} <span className="mono">{time}</span>
                </span>
                <Link to={itemPath(item)} className="queue__open" aria-label={t('queue.openLabel', { kind: t(`queue.kind1.${item.kind}`), time })}>
                  {t('queue.open')}
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
