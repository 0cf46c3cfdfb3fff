/**
 * Demo mode: when demo data is loaded (GET /api/demo/status), the travellers "arriving" at the post are listed,
 * each showing one situation (routine, watchlist, never enrolled, no document, worn fingers, a child). Taking one
 * fills the document as a scanner would; the simulated scanner (POST /api/demo/scanner/capture) then gives a fresh
 * impression of their fingers, or of a never-enrolled person. Without demo data nothing is shown.
 */
import { useEffect, useState } from 'react';
import { demoCapture, demoQueue, demoStatus, type DemoTraveller, type ScannedFinger } from '../../api/crossings.js';
import { useI18n } from '../../i18n/i18n.js';

/** Arrivals listed at once. */
const QUEUE_SHOWN = 8; // travellers

export interface DemoPick {
  readonly traveller: DemoTraveller;
  capture(positions: readonly number[]): Promise<readonly ScannedFinger[]>;
}

function pickOf(traveller: DemoTraveller): DemoPick {
  return {
    traveller,
    capture: (positions) =>
      traveller.travellerId && traveller.scenario !== 'unknown'
        ? demoCapture({ travellerId: traveller.travellerId, positions })
        : demoCapture({ scenario: 'unknown', positions }),
  };
}

interface DemoArrivalsProps {
  readonly post: string;
  readonly picked: DemoPick | undefined;
  readonly disabled: boolean;
  onPick(pick: DemoPick): void;
  onScan(): void;
}

export function DemoArrivals({ post, picked, disabled, onPick, onScan }: DemoArrivalsProps) {
  const { t } = useI18n();
  const [queue, setQueue] = useState<readonly DemoTraveller[]>();
  useEffect(() => {
    let live = true;
    demoStatus()
      .then((enabled) => (enabled ? demoQueue(post, QUEUE_SHOWN) : undefined))
      .then(
        (travellers) => live && setQueue(travellers),
        () => live && setQueue(undefined), // no demo routes, or demo data not loaded: no demo panel
      );
    return () => {
      live = false;
    };
  }, [post, picked === undefined]);
  if (!queue) return null;
  return (
    <section className="panel" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('lane.demo')}</h2>
      <p className="field__hint">{t('lane.demoIntro', { post })}</p>
      {queue.length === 0 ? <p>{t('lane.demoNone')}</p> : null}
      <ul className="demo-list">
        {queue.map((traveller, i) => (
          <li key={`${traveller.travellerId ?? 'new'}-${i}`}>
            <button
              type="button"
              className="link-button"
              disabled={disabled}
              aria-pressed={picked !== undefined && picked.traveller.displayName === traveller.displayName && picked.traveller.travellerId === traveller.travellerId}
              onClick={() => onPick(pickOf(traveller))}
            >
              {t('lane.demoPick', { name: traveller.displayName })}
            </button>{' '}
            <span className="muted">({t(`lane.scenario.${traveller.scenario}`)})</span>
          </li>
        ))}
      </ul>
      <button type="button" className="button" disabled={disabled || !picked} onClick={onScan}>
        {t('lane.demoScan')}
      </button>
    </section>
  );
}
