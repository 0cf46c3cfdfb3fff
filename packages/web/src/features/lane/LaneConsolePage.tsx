/**
 * The lane console: a lane officer handles a traveller about every minute for a whole shift, so the common case
 * costs almost nothing. The document goes in first (a keyboard-wedge scanner types the two MRZ lines; or an ID
 * number with its kind; or "no document"), then the fingers (a template or image file per finger, or the simulated
 * scanner in demo mode). As soon as every finger is held the crossing is submitted (or on Enter), with an
 * idempotency key kept across retries, so a resent request is never recorded twice. The answer appears at once;
 * Enter clears, R refers to secondary, F refuses (each asking for a reason), U records that no finger could be
 * captured and M submits a child without fingerprints: both go to the supervisor. Keys are read by physical
 * position (KeyboardEvent.code), so they work the same with an Urdu keyboard layout.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import {
  decideCrossing,
  submitCrossing,
  travellerMovements,
  type Crossing,
  type CrossingDecision,
  type CrossingRequest,
  type PresentedDocument,
} from '../../api/crossings.js';
import { DOCUMENT_TYPES, type CrossingSummary, type DocumentType } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages-en.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { grants } from '../session/permissions.js';
import { useSession } from '../session/session.js';
import { DEFAULT_POSITIONS, fingerFromScanner, releasePreviews, type HeldFinger } from './capture.js';
import { CrossingResult } from './CrossingResult.js';
import { DemoArrivals, type DemoPick } from './DemoArrivals.js';
import { FingerCapturePanel } from './FingerCapturePanel.js';
import { LanePlace, useLanePlace } from './LanePlace.js';
import { mrzLines, previewMrz } from './mrz.js';
import { ReasonDialog, type DialogKind } from './ReasonDialog.js';
import { useElapsed, formatElapsed } from './use-elapsed.js';

const DOCUMENT_MODES = ['mrz', 'id', 'none'] as const;
type DocumentMode = (typeof DOCUMENT_MODES)[number];

/** Most earlier crossings shown with a result. */
const HISTORY_SHOWN = 5; // crossings
/** performance marks around submit and render: the journeys read the measure to report the result time. */
export const RESULT_MEASURE = 'sarhad:lane:result';
/** The request alone (submit to answer received), to tell server time from render time. */
export const REQUEST_MEASURE = 'sarhad:lane:request';
const SUBMIT_MARK = 'sarhad:lane:submit';
const AUTO_SUBMIT_KEY = 'sarhad.lane.autoSubmit';

type Phase =
  | { readonly kind: 'entry' }
  | { readonly kind: 'submitting' }
  | { readonly kind: 'result'; readonly crossing: Crossing }
  | { readonly kind: 'deciding'; readonly crossing: Crossing }
  | { readonly kind: 'decided'; readonly crossing: Crossing; readonly seconds: number };

function newKey(): string {
  return `lane-${crypto.randomUUID()}`;
}

function readAutoSubmit(): boolean {
  try {
    return window.localStorage.getItem(AUTO_SUBMIT_KEY) !== 'false';
  } catch {
    return true;
  }
}

/** True when a key press is meant for a text control, not the console. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'file'].includes(target.type);
}

export function LaneConsolePage() {
  const { t, formatNumber } = useI18n();
  const { state: session } = useSession();
  const user = session.kind === 'signedIn' ? session.user : undefined;
  const place = useLanePlace();
  const [mode, setMode] = useState<DocumentMode>('mrz');
  const [mrzText, setMrzText] = useState('');
  // A passport's number can be typed too, when its MRZ will not scan.
  const [idType, setIdType] = useState<DocumentType>('cnic');
  const [idNumber, setIdNumber] = useState('');
  const [idCountry, setIdCountry] = useState('');
  const [positions, setPositions] = useState<number[]>([...DEFAULT_POSITIONS]);
  const [held, setHeld] = useState<ReadonlyMap<number, HeldFinger>>(new Map());
  const [phase, setPhase] = useState<Phase>({ kind: 'entry' });
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<DialogKind>();
  const [history, setHistory] = useState<readonly CrossingSummary[]>();
  const [answeredMs, setAnsweredMs] = useState<number>();
  const [autoSubmit, setAutoSubmit] = useState(readAutoSubmit);
  const [startedAt, setStartedAt] = useState<number>();
  const [lastDone, setLastDone] = useState<{ crossing: Crossing; seconds: number }>();
  const [demoPick, setDemoPick] = useState<DemoPick>();
  const [retryable, setRetryable] = useState(false);
  /** The request last sent and its key: a resend of the same request reuses the key (the server answers once). */
  const pending = useRef<{ body: string; key: string; extra: Pick<CrossingRequest, 'fingers' | 'unableToCapture'> }>(undefined);
  const mrzRef = useRef<HTMLTextAreaElement>(null);
  const idNumberRef = useRef<HTMLInputElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const supervisor = user ? grants(user.roles, 'crossings.supervise') : false;
  const elapsed = useElapsed(startedAt, phase.kind === 'decided' ? phase.seconds : undefined);

  const lines = mode === 'mrz' ? mrzLines(mrzText) : undefined;
  const line1 = lines?.[0];
  const line2 = lines?.[1];
  const preview = useMemo(() => (line1 && line2 ? previewMrz([line1, line2]) : undefined), [line1, line2]);
  const documentReady = mode === 'none' || (mode === 'mrz' ? preview !== undefined && preview.badCheckDigits.length === 0 : idNumber.trim().length > 0);
  const fingers = positions.map((p) => held.get(p)).filter((f): f is HeldFinger => f !== undefined);
  const fingersReady = fingers.length === positions.length && fingers.length > 0;

  const begin = useCallback(() => setStartedAt((s) => s ?? Date.now()), []);

  const presented = (): PresentedDocument | undefined => {
    if (mode === 'mrz' && lines) return { mrz: lines };
    if (mode === 'id') return { type: idType, number: idNumber.trim(), ...(idCountry.trim() ? { issuingCountry: idCountry.trim().toUpperCase() } : {}) };
    return undefined;
  };

  const send = async (extra: Pick<CrossingRequest, 'fingers' | 'unableToCapture'>) => {
    if (!place.post || !place.lane) return;
    const body = { post: place.post.code, lane: place.lane.code, direction: place.direction, document: presented(), ...extra };
    const text = JSON.stringify(body);
    if (pending.current?.body !== text) pending.current = { body: text, key: newKey(), extra };
    const request: CrossingRequest = { ...body, idempotencyKey: pending.current.key };
    setError(undefined);
    setPhase({ kind: 'submitting' });
    setHistory(undefined);
    begin();
    performance.clearMarks(SUBMIT_MARK);
    performance.clearMeasures(RESULT_MEASURE);
    performance.clearMeasures(REQUEST_MEASURE);
    performance.mark(SUBMIT_MARK);
    try {
      const crossing = await submitCrossing(request);
      performance.measure(REQUEST_MEASURE, SUBMIT_MARK);
      setPhase({ kind: 'result', crossing });
    } catch (e) {
      setPhase({ kind: 'entry' });
      setError(errorText(t, e));
      // Only a lost answer (no response, or the server failing) is worth the same request again.
      setRetryable(e instanceof ApiError && (e.status === 0 || e.status >= 500));
    }
  };

  const submitFingers = () => {
    if (!documentReady || !fingersReady || phase.kind !== 'entry') return;
    void send({ fingers: fingers.map((f) => f.capture) });
  };

  // Submit as soon as the last finger is held (the capture is the officer's action), when the document is in.
  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (!fingersReady) autoSubmitted.current = false;
    if (autoSubmit && fingersReady && documentReady && phase.kind === 'entry' && !autoSubmitted.current && !error) {
      autoSubmitted.current = true;
      submitFingers();
    }
  }); // runs after every render: the conditions above are the whole trigger

  // The result time: from the submit mark to the first render of the answer.
  useLayoutEffect(() => {
    if (phase.kind !== 'result') return;
    if (performance.getEntriesByName(RESULT_MEASURE).length === 0 && performance.getEntriesByName(SUBMIT_MARK).length > 0) {
      const measure = performance.measure(RESULT_MEASURE, SUBMIT_MARK);
      setAnsweredMs(measure.duration);
    }
  }, [phase]);

  // Focus follows the work: the primary decision once answered, the next traveller once decided.
  useEffect(() => {
    if (phase.kind === 'result') (primaryRef.current ?? nextRef.current)?.focus();
    if (phase.kind === 'decided') nextRef.current?.focus();
  }, [phase.kind]);

  // The traveller's last crossings, after the answer is on screen (a second, audited read).
  const travellerId = phase.kind === 'result' ? phase.crossing.traveller?.id : undefined;
  const crossingId = phase.kind === 'result' ? phase.crossing.id : undefined;
  useEffect(() => {
    if (!travellerId) return;
    let live = true;
    travellerMovements(travellerId).then(
      (m) => live && setHistory([...m.crossings].filter((c) => c.id !== crossingId).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)).slice(0, HISTORY_SHOWN)),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [travellerId, crossingId]);

  /** Clears the traveller; the document field takes focus unless the next one comes from the demo arrivals. */
  const reset = useCallback((focusDocument = true) => {
    setMrzText('');
    setIdNumber('');
    setIdCountry('');
    setHeld((h) => {
      releasePreviews(h.values());
      return new Map();
    });
    setPositions([...DEFAULT_POSITIONS]);
    setPhase({ kind: 'entry' });
    setError(undefined);
    setDialog(undefined);
    setHistory(undefined);
    setAnsweredMs(undefined);
    setStartedAt(undefined);
    setDemoPick(undefined);
    pending.current = undefined;
    autoSubmitted.current = false;
    if (focusDocument) setFocusEntry((n) => n + 1);
  }, []);

  // The console opens on the document field (after the page heading's own focus), and after a reset the field takes
  // focus again (once it is enabled) for the next traveller. Not autoFocus: that would also fire whenever the field
  // reappears, such as when a demo arrival switches the document mode, and take the S key into the MRZ.
  const [focusEntry, setFocusEntry] = useState(1);
  useEffect(() => {
    if (focusEntry > 0) (mode === 'id' ? idNumberRef.current : mrzRef.current)?.focus();
  }, [focusEntry]); // not on a change of document mode alone

  const decide = async (decision: CrossingDecision, reason?: string) => {
    if (phase.kind !== 'result') return;
    const crossing = phase.crossing;
    setPhase({ kind: 'deciding', crossing });
    setError(undefined);
    try {
      const decided = await decideCrossing(crossing.id, decision, reason);
      const seconds = Math.round((Date.now() - (startedAt ?? Date.now())) / 1000);
      setDialog(undefined);
      if (decision === 'clear') {
        // A cleared traveller leaves the counter: the console is ready for the next one at once.
        setLastDone({ crossing: decided, seconds });
        reset();
      } else {
        setPhase({ kind: 'decided', crossing: decided, seconds });
      }
    } catch (e) {
      setPhase({ kind: 'result', crossing });
      setError(errorText(t, e));
    }
  };

  const answered = phase.kind === 'result' || phase.kind === 'deciding' ? phase.crossing : undefined;
  const canClear = answered !== undefined && answered.status === 'awaiting_decision' && (supervisor || (answered.recommendation !== 'alert' && !answered.fingerprintException));
  const clearNeedsReason = answered !== undefined && answered.recommendation !== 'clear';
  const deciding = phase.kind === 'deciding';

  const onDialogConfirm = (reason: string) => {
    if (dialog === 'unable') {
      setDialog(undefined);
      void send({ unableToCapture: { reason } });
    } else if (dialog === 'clear') void decide('clear', reason);
    else if (dialog === 'refer') void decide('refer_secondary', reason);
    else if (dialog === 'refuse') void decide('refuse', reason);
  };

  const scan = async () => {
    if (!demoPick) return;
    setError(undefined);
    try {
      const scanned = await demoPick.capture(positions);
      const next = new Map(held);
      for (const f of scanned) next.set(f.position, fingerFromScanner(f));
      setPositions((p) => [...new Set([...p, ...scanned.map((f) => f.position)])].sort((a, b) => a - b));
      setHeld(next);
      begin();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  // The console's keys.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const typing = typingIn(event.target);
      const onControl = event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
      if (phase.kind === 'result' && phase.crossing.status === 'awaiting_decision') {
        if (event.code === 'Enter' && !typing && !onControl && canClear) {
          event.preventDefault();
          if (clearNeedsReason) setDialog('clear');
          else void decide('clear');
        } else if (event.code === 'KeyR' && !typing) {
          event.preventDefault();
          setDialog('refer');
        } else if (event.code === 'KeyF' && !typing) {
          event.preventDefault();
          setDialog('refuse');
        }
        return;
      }
      if (phase.kind === 'result' || phase.kind === 'decided') {
        if (event.code === 'Enter' && !typing && !onControl) {
          event.preventDefault();
          reset();
        }
        return;
      }
      if (phase.kind !== 'entry' || typing) return;
      if (event.code === 'Enter' && !onControl && documentReady && fingersReady) {
        event.preventDefault();
        submitFingers();
      } else if (event.code === 'KeyU' && documentReady) {
        event.preventDefault();
        begin();
        setDialog('unable');
      } else if (event.code === 'KeyM' && documentReady) {
        event.preventDefault();
        void send({});
      } else if (event.code === 'KeyS' && demoPick) {
        event.preventDefault();
        void scan();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const onMrzChange = (value: string) => {
    setMrzText(value);
    if (value.trim()) begin();
    const complete = mrzLines(value);
    // The scanner's last Enter: go on to the fingers.
    if (complete && previewMrz(complete).badCheckDigits.length === 0 && /\n\s*$/.test(value)) {
      requestAnimationFrame(() => document.getElementById(`finger-${positions[0]}`)?.focus());
    }
  };

  const pickDemo = (pick: DemoPick) => {
    // Focus stays on the arrival just taken, so S (the simulated scanner) follows at once.
    reset(false);
    setDemoPick(pick);
    begin();
    const { traveller } = pick;
    if (traveller.mrz) {
      setMode('mrz');
      setMrzText(traveller.mrz.join('\n'));
    } else if (traveller.documentNumber && traveller.documentKind && (DOCUMENT_TYPES as readonly string[]).includes(traveller.documentKind)) {
      setMode('id');
      setIdType(traveller.documentKind as DocumentType);
      setIdNumber(traveller.documentNumber);
    } else {
      setMode('none');
    }
  };

  const result = phase.kind === 'result' || phase.kind === 'deciding' || phase.kind === 'decided' ? phase.crossing : undefined;
  const entryDisabled = phase.kind !== 'entry';
  const name = (c: Crossing) => (c.traveller ? `${c.traveller.surnameLatin}, ${c.traveller.givenNamesLatin}` : undefined);

  return (
    <div className="lane">
      <PageHeading title={t('lane.title')} />
      <LanePlace place={place} />
      <div className="lane__status">
        <p className="lane__timer" aria-live="off">
          {t('lane.timeOnTraveller')}: <strong className="mono" data-testid="time-on-traveller">{formatElapsed(elapsed, formatNumber)}</strong>
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={autoSubmit}
            onChange={(e) => {
              setAutoSubmit(e.target.checked);
              try {
                window.localStorage.setItem(AUTO_SUBMIT_KEY, String(e.target.checked));
              } catch {
                // Not remembered; still applied.
              }
            }}
          />
          <span>{t('lane.autoSubmit')}</span>
        </label>
        <p className="lane__keys">
          <span className="muted">{t('lane.shortcuts')}:</span> {t('lane.shortcutsList')}
        </p>
      </div>
      {lastDone && phase.kind === 'entry' ? (
        <Notice tone="success">
          {name(lastDone.crossing)
            ? t('lane.decided', { name: name(lastDone.crossing)!, status: t(`crossing.${lastDone.crossing.status}`), time: formatElapsed(lastDone.seconds, formatNumber) })
            : t('lane.decidedUnknown', { status: t(`crossing.${lastDone.crossing.status}`), time: formatElapsed(lastDone.seconds, formatNumber) })}
        </Notice>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="lane__body">
        <div className="lane__entry">
          <section className="panel" aria-labelledby="document-heading">
            <h2 id="document-heading">{t('lane.document')}</h2>
            <fieldset className="segmented" disabled={entryDisabled}>
              <legend>{t('lane.documentMode')}</legend>
              {DOCUMENT_MODES.map((m) => (
                <label key={m} className="segmented__option">
                  <input type="radio" name="document-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                  <span>{t(`lane.mode.${m}`)}</span>
                </label>
              ))}
            </fieldset>
            {mode === 'mrz' ? (
              <div className="field">
                <label htmlFor="lane-mrz">{t('lane.mrz')}</label>
                <p className="field__hint" id="lane-mrz-hint">
                  {t('lane.mrzHint')}
                </p>
                <textarea
                  id="lane-mrz"
                  ref={mrzRef}
                  className="mrz-input"
                  rows={3}
                  spellCheck={false}
                  autoComplete="off"
                  autoCapitalize="characters"
                  disabled={entryDisabled}
                  aria-describedby="lane-mrz-hint lane-mrz-state"
                  value={mrzText}
                  onChange={(e) => onMrzChange(e.target.value)}
                />
                <p id="lane-mrz-state" className={preview?.badCheckDigits.length ? 'field__error' : 'field__hint'} role="status">
                  {preview
                    ? preview.badCheckDigits.length
                      ? t('lane.mrzBad', { fields: preview.badCheckDigits.map((f) => t(`lane.mrzField.${f}` as MessageKey)).join(', ') })
                      : t('lane.mrzRead', {
                          name: `${preview.surname}, ${preview.givenNames}`,
                          number: preview.documentNumber,
                          country: preview.issuingState,
                          birth: preview.birthDate,
                          expiry: preview.expiryDate,
                        })
                    : mrzText.trim()
                      ? t('lane.mrzIncomplete', { count: mrzText.split(/\r?\n/).filter((l) => l.trim()).length })
                      : ''}
                </p>
              </div>
            ) : mode === 'id' ? (
              <div className="form__row">
                <div className="field">
                  <label htmlFor="lane-id-type">{t('lane.idType')}</label>
                  <select id="lane-id-type" value={idType} disabled={entryDisabled} onChange={(e) => setIdType(e.target.value as DocumentType)}>
                    {DOCUMENT_TYPES.map((d) => (
                      <option key={d} value={d}>
                        {t(`document.${d}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="lane-id-number">{t('lane.idNumber')}</label>
                  <input
                    id="lane-id-number"
                    ref={idNumberRef}
                    className="mono"
                    autoComplete="off"
                    disabled={entryDisabled}
                    value={idNumber}
                    onChange={(e) => {
                      setIdNumber(e.target.value);
                      begin();
                    }}
                  />
                </div>
                <div className="field">
                  <label htmlFor="lane-id-country">{t('lane.idCountry')}</label>
                  <p className="field__hint" id="lane-id-country-hint">
                    {t('lane.idCountryHint')}
                  </p>
                  <input id="lane-id-country" aria-describedby="lane-id-country-hint" maxLength={3} autoComplete="off" disabled={entryDisabled} value={idCountry} onChange={(e) => setIdCountry(e.target.value)} />
                </div>
              </div>
            ) : (
              <p className="field__hint">{t('lane.noDocumentNote')}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="fingers-heading">
            <h2 id="fingers-heading">{t('lane.fingers')}</h2>
            <FingerCapturePanel
              positions={positions}
              held={held}
              disabled={entryDisabled}
              inputIdPrefix="finger"
              onPositions={setPositions}
              onHeld={(position, finger) => {
                setHeld((h) => {
                  const next = new Map(h);
                  const old = next.get(position);
                  if (old) releasePreviews([old]);
                  if (finger) next.set(position, finger);
                  else next.delete(position);
                  return next;
                });
                if (finger) begin();
              }}
            >
              <div className="form__actions">
                <button type="button" className="button button--primary" disabled={entryDisabled || !documentReady || !fingersReady} onClick={submitFingers}>
                  {phase.kind === 'submitting' ? t('lane.submitting') : t('lane.submit')}
                </button>
                <button type="button" className="button" disabled={entryDisabled || !documentReady} onClick={() => (begin(), setDialog('unable'))}>
                  {t('lane.unable')}
                </button>
                <button type="button" className="button" disabled={entryDisabled || !documentReady} onClick={() => void send({})}>
                  {t('lane.minor')}
                </button>
                <button type="button" className="button" onClick={() => reset()}>
                  {t('lane.reset')}
                </button>
              </div>
              {pending.current && phase.kind === 'entry' && error && retryable ? (
                <p className="field__hint">
                  <button type="button" className="button button--small" onClick={() => pending.current && void send(pending.current.extra)}>
                    {t('lane.retry')}
                  </button>{' '}
                  {t('lane.retryNote')}
                </p>
              ) : null}
              {!documentReady || !fingersReady ? <p className="field__hint">{t('lane.notReady')}</p> : null}
            </FingerCapturePanel>
          </section>
          {place.post ? <DemoArrivals post={place.post.code} picked={demoPick} onPick={pickDemo} onScan={() => void scan()} disabled={entryDisabled} /> : null}
        </div>
        <section className="panel lane__result" aria-labelledby="result-heading" aria-busy={phase.kind === 'submitting'}>
          <h2 id="result-heading">{t('lane.result')}</h2>
          {phase.kind === 'submitting' ? <p role="status">{t('lane.submitting')}</p> : null}
          {result ? (
            <>
              <CrossingResult
                crossing={result}
                history={history}
                answeredMs={answeredMs}
                actions={
                  <div className="decision" role="group" aria-label={t('lane.decide')}>
                    {phase.kind === 'decided' || result.status !== 'awaiting_decision' ? (
                      <>
                        <p className="decision__state" data-testid="crossing-status">
                          <span className={`badge badge--crossing-${result.status}`}>{t(`crossing.${result.status}`)}</span>{' '}
                          {result.status === 'awaiting_supervisor' ? t('lane.waitingSupervisor') : null}
                        </p>
                        <button type="button" ref={nextRef} className="button button--primary" onClick={() => reset()}>
                          {t('lane.next')}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          ref={canClear ? primaryRef : undefined}
                          className="button button--primary"
                          disabled={!canClear || deciding}
                          onClick={() => (clearNeedsReason ? setDialog('clear') : void decide('clear'))}
                        >
                          {t('lane.clear')}
                        </button>
                        <button type="button" ref={canClear ? undefined : primaryRef} className="button" disabled={deciding} onClick={() => setDialog('refer')}>
                          {t('lane.refer')}
                        </button>
                        <button type="button" className="button button--danger" disabled={deciding} onClick={() => setDialog('refuse')}>
                          {t('lane.refuse')}
                        </button>
                        {!canClear ? <p className="field__hint">{t('lane.clearNeedsSupervisor')}</p> : null}
                        {deciding ? <p role="status">{t('lane.deciding')}</p> : null}
                      </>
                    )}
                  </div>
                }
              />
            </>
          ) : null}
        </section>
      </div>
      {dialog ? <ReasonDialog kind={dialog} busy={phase.kind === 'deciding' || phase.kind === 'submitting'} onConfirm={onDialogConfirm} onCancel={() => setDialog(undefined)} /> : null}
    </div>
  );
}
