/**
 * Fingerprint capture for the lane and for enrolment: one labelled file input per finger position (right and left
 * index by default, more can be added), each taking a template file or an image; a held finger shows where it came
 * from and, for images, a preview. Picking the file is the capture: the parent decides what happens next (the lane
 * submits at once when every position is held).
 */
import { useId, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../i18n/messages-en.js';
import { useI18n } from '../../i18n/i18n.js';
import { CaptureError, FINGER_POSITIONS, fingerFromFile, type HeldFinger } from './capture.js';

interface FingerCapturePanelProps {
  readonly positions: readonly number[];
  readonly held: ReadonlyMap<number, HeldFinger>;
  onHeld(position: number, finger: HeldFinger | undefined): void;
  onPositions(positions: number[]): void;
  readonly disabled?: boolean;
  /** Extra controls (the simulated scanner, exceptions) shown under the inputs. */
  readonly children?: ReactNode;
  /** Ids for the file inputs, so a parent can move focus to the first one. */
  readonly inputIdPrefix?: string;
}

export function fingerKey(position: number): MessageKey {
  return `finger.${position}` as MessageKey;
}

export function FingerCapturePanel({ positions, held, onHeld, onPositions, disabled, children, inputIdPrefix }: FingerCapturePanelProps) {
  const { t } = useI18n();
  const autoId = useId();
  const prefix = inputIdPrefix ?? autoId;
  const [error, setError] = useState<string>();
  const free: number[] = FINGER_POSITIONS.filter((p) => !positions.includes(p));
  const [extra, setExtra] = useState<number>(() => free[0] ?? 1);

  const pick = async (position: number, file: File | undefined) => {
    setError(undefined);
    if (!file) return;
    try {
      onHeld(position, await fingerFromFile(file, position));
    } catch (e) {
      setError(t(e instanceof CaptureError && e.kind === 'too_large' ? 'lane.fingerTooLarge' : 'lane.fingerUnreadable', { file: file.name }));
    }
  };

  return (
    <div className="capture">
      <p className="field__hint">{t('lane.fingerHint')}</p>
      <ul className="capture__list">
        {positions.map((position) => {
          const finger = held.get(position);
          const name = t(fingerKey(position));
          return (
            <li key={position} className={finger ? 'capture__slot capture__slot--held' : 'capture__slot'}>
              <label htmlFor={`${prefix}-${position}`}>{t('lane.fingerFile', { finger: name })}</label>
              <input
                id={`${prefix}-${position}`}
                type="file"
                disabled={disabled}
                accept=".iso,.ist,.fmr,.ansi,.bin,.tpl,.sarhad,image/*"
                onChange={(e) => {
                  void pick(position, e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              {finger ? (
                <div className="capture__held" data-testid={`held-${position}`}>
                  {finger.preview ? <img src={finger.preview} alt={t('enrol.imageCaptured', { finger: name })} className="capture__preview" /> : null}
                  <span>
                    {t('lane.fingerHeld', {
                      finger: name,
                      source: t(`lane.source.${finger.source}`, { file: finger.fileName ?? '', quality: finger.quality ?? 0 }),
                    })}
                  </span>
                  <button type="button" className="button button--small" disabled={disabled} onClick={() => onHeld(position, undefined)}>
                    {t('lane.removeFinger', { finger: name })}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {free.length ? (
        <div className="capture__add">
          <label htmlFor={`${prefix}-add`}>{t('lane.addFinger')}</label>
          <select id={`${prefix}-add`} value={free.includes(extra) ? extra : free[0]} disabled={disabled} onChange={(e) => setExtra(Number(e.target.value))}>
            {free.map((p) => (
              <option key={p} value={p}>
                {t(fingerKey(p))}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={disabled}
            onClick={() => onPositions([...positions, free.includes(extra) ? extra : free[0]!].sort((a, b) => a - b))}
          >
            {t('lane.addFingerSubmit')}
          </button>
        </div>
      ) : null}
      {children}
    </div>
  );
}
