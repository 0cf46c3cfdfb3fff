/** Whether the page is receiving live events: announced politely when it changes, never on every update. */
import { useI18n } from '../../i18n/i18n.js';
import type { LiveState } from './use-post-events.js';

export function LiveIndicator({ state }: { readonly state: LiveState }) {
  const { t } = useI18n();
  return (
    <p className={`live live--${state}`} role="status" data-testid="live-state">
      <span className="live__dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </p>
  );
}
