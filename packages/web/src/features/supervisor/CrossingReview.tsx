/**
 * One crossing as the supervisor reviews it (GET /api/crossings/:id, an audited read): who, which document, the
 * reasons for the recommendation, the watchlist hits with their explanations, any fingerprint exception, and the
 * decisions so far. The supervisor decides or overrides with a written reason (POST /api/crossings/:id/supervisor),
 * and for a watchlist hit may record "not the listed person" (POST /api/crossings/:id/not-listed-person): from then
 * on this traveller no longer alerts on that entry while its content stays the same.
 */
import { useState, type FormEvent } from 'react';
import {
  SUPERVISOR_DECISIONS,
  decideAsSupervisor,
  getCrossing,
  recordNotListedPerson,
  type CrossingRecord,
  type SupervisorDecision,
  type WatchlistHitRecord,
} from '../../api/supervisor.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages-en.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { dateTimeAtPost } from '../dashboard/post-choice.js';
import { TextAreaField } from './TextAreaField.js';
import { SUPERVISOR_REASON_CODES } from '../../i18n/messages-supervisor-en.js';

/** Every supervisor reason needs this many characters (the server's rule). */
const MIN_REASON = 10; // characters

const FINAL = ['cleared', 'refused'];

function reasonLabel(t: (key: MessageKey) => string, code: string, message: string): string {
  return (SUPERVISOR_REASON_CODES as readonly string[]).includes(code) ? t(`supervisor.reason.${code}` as MessageKey) : message;
}

export function CrossingReview({ id, timeZone, onChanged }: { readonly id: string; readonly timeZone: string | undefined; onChanged(): void }) {
  const { t, language } = useI18n();
  const at = (iso: string) => dateTimeAtPost(iso, timeZone, language === 'ur' ? 'ur-PK' : 'en-GB');
  const [state, reload] = useLoad(() => getCrossing(id), [id]);
  const [done, setDone] = useState<string | undefined>();
  const [recorded, setRecorded] = useState<readonly string[]>([]);
  const [suggested, setSuggested] = useState<string | undefined>();

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <Notice tone="error">{errorText(t, state.error)}</Notice>;
  const c = state.data;
  const decided = (message: string) => {
    setDone(message);
    reload();
    onChanged();
  };
  return (
    <section className="panel" aria-labelledby="review-title">
      <div className="panel__head">
        <h2 id="review-title">{t('supervisor.crossingTitle', { lane: c.lane, time: at(c.recordedAt) })}</h2>
        <span className={`badge badge--crossing-${c.status}`}>{t(`queue.status.${c.status}`)}</span>
      </div>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <div className={`verdict verdict--${c.recommendation}`}>
        <span className="verdict__label">{t('supervisor.recommendation')}</span>
        <span className="verdict__value">{t(`dashboard.recommendation.${c.recommendation}`)}</span>
      </div>
      <dl className="facts facts--grid">
        <dt>{t('supervisor.traveller')}</dt>
        <dd>{c.traveller ? `${c.traveller.surnameLatin}, ${c.traveller.givenNamesLatin}` : t('supervisor.unknownTraveller')}</dd>
        <dt>{t('supervisor.birthDate')}</dt>
        <dd className="mono">{c.traveller?.birthDate ?? '—'}</dd>
        <dt>{t('supervisor.nationality')}</dt>
        <dd className="mono">{c.traveller?.nationality ?? '—'}</dd>
        <dt>{t('supervisor.document')}</dt>
        <dd>
          {c.document.presented ? (
            <>
              <span className="mono">{`${c.document.type ?? ''} ${c.document.number ?? ''}`}</span>{' '}
              {c.document.known ? null : <span className="muted">{t('supervisor.documentUnknown')}</span>}
            </>
          ) : (
            t('supervisor.noDocument')
          )}
        </dd>
        <dt>{t('supervisor.fingerprints')}</dt>
        <dd>{t(`supervisor.outcome.${c.biometrics.outcome}` as MessageKey)}</dd>
        <dt>{t('supervisor.direction')}</dt>
        <dd>{t(`supervisor.direction.${c.direction}`)}</dd>
      </dl>
      <h3>{t('supervisor.reasons')}</h3>
      <ul className="supervisor__reasons">
        {c.reasons.map((r, i) => (
          <li key={`${r.code}-${i}`} className={`reason--${r.severity}`}>
            {reasonLabel(t, r.code, r.message)}
          </li>
        ))}
      </ul>
      {c.fingerprintException ? (
        <Notice tone="info">
          {t(`queue.exception.${c.fingerprintException.kind}`)}
          {c.fingerprintException.reason ? <> — {c.fingerprintException.reason}</> : null}
        </Notice>
      ) : null}
      {c.watchlist.hits.length > 0 ? (
        <>
          <h3>{t('supervisor.hits')}</h3>
          {c.watchlist.hits.map((hit) => (
            <HitReview
              key={`${hit.source}:${hit.entryId}`}
              crossing={c}
              hit={hit}
              recorded={recorded.includes(`${hit.source}:${hit.entryId}`)}
              onRecorded={(reason) => {
                setRecorded((r) => [...r, `${hit.source}:${hit.entryId}`]);
                setSuggested(reason);
                setDone(t('supervisor.notListedDone', { entry: `${hit.source} ${hit.entryId}` }));
              }}
            />
          ))}
        </>
      ) : null}
      {(c.watchlist.suppressed ?? []).length > 0 ? (
        <>
          <h3>{t('supervisor.suppressed')}</h3>
          <ul className="plain-list">
            {(c.watchlist.suppressed ?? []).map((s) => (
              <li key={`${s.source}:${s.entryId}`}>
                <span className="mono">{`${s.source} ${s.entryId}`}</span> {s.primaryName}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.decisions.length > 0 ? (
        <>
          <h3>{t('supervisor.decisions')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('supervisor.when')}</th>
                <th scope="col">{t('supervisor.kind')}</th>
                <th scope="col">{t('supervisor.decision')}</th>
                <th scope="col">{t('supervisor.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {c.decisions.map((d, i) => (
                <tr key={i}>
                  <td>{at(d.decidedAt)}</td>
                  <td>{t(`supervisor.decisionKind.${d.kind}`)}</td>
                  <td>{t(`supervisor.decide.${d.decision}`)}</td>
                  <td className="wrap-anywhere">{d.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <DecisionForm key={`${c.id}-${c.status}-${suggested ?? ''}`} crossing={c} suggestedReason={suggested} onDecided={(record) => decided(t(`supervisor.decidedDone.${record.status}` as MessageKey))} />
    </section>
  );
}

function HitReview({ crossing, hit, recorded, onRecorded }: { readonly crossing: CrossingRecord; readonly hit: WatchlistHitRecord; readonly recorded: boolean; onRecorded(reason: string): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const e = hit.explanation;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return setError(t('supervisor.reasonTooShort', { min: MIN_REASON }));
    setBusy(true);
    setError(undefined);
    try {
      await recordNotListedPerson(crossing.id, hit, reason.trim());
      setOpen(false);
      onRecorded(reason.trim());
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  };
  const title = `${hit.source.toUpperCase()} ${hit.entryId}`;
  return (
    <article className={recorded ? 'supervisor__hit supervisor__hit--suppressed' : 'supervisor__hit'} aria-label={t('supervisor.hitLabel', { entry: title })}>
      <p className="hit__title">
        <strong className="mono">{title}</strong> {hit.primaryName} · {t('supervisor.score', { score: hit.score.toFixed(2) })}
      </p>
      <dl className="facts">
        {e.name ? (
          <>
            <dt>{t('supervisor.nameMatch')}</dt>
            <dd>
              {e.name.query} ↔ {e.name.listed}
            </dd>
          </>
        ) : null}
        <dt>{t('supervisor.dobAgreement')}</dt>
        <dd>{t(`supervisor.agreement.${e.dateOfBirth}` as MessageKey)}</dd>
        <dt>{t('supervisor.nationalityAgreement')}</dt>
        <dd>{t(`supervisor.agreement.${e.nationality}` as MessageKey)}</dd>
        {e.document ? (
          <>
            <dt>{t('supervisor.documentMatch')}</dt>
            <dd className="mono">{`${e.document.presented} = ${e.document.listed}`}</dd>
          </>
        ) : null}
      </dl>
      {recorded ? (
        <p role="status">{t('supervisor.notListedRecorded')}</p>
      ) : !crossing.traveller ? (
        <p className="muted">{t('supervisor.notListedNeedsTraveller')}</p>
      ) : open ? (
        <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={t('supervisor.notListedForm', { entry: title })}>
          <TextAreaField
            label={t('supervisor.notListedReason')}
            hint={t('supervisor.notListedHint')}
            value={reason}
            error={error}
            onChange={(ev) => setReason(ev.target.value)}
            autoFocus
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('supervisor.notListedSubmit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('supervisor.notListed')}
        </button>
      )}
    </article>
  );
}

function DecisionForm({ crossing, suggestedReason, onDecided }: { readonly crossing: CrossingRecord; readonly suggestedReason: string | undefined; onDecided(record: CrossingRecord): void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState<SupervisorDecision | ''>(suggestedReason ? 'clear' : '');
  const [reason, setReason] = useState(suggestedReason ?? '');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const override = FINAL.includes(crossing.status);
  const choices = SUPERVISOR_DECISIONS.filter((d) => !(d === 'clear' && crossing.status === 'cleared') && !(d === 'refuse' && crossing.status === 'refused') && !(d === 'refer_secondary' && crossing.status === 'in_secondary'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!decision) found.decision = t('supervisor.chooseDecision');
    if (reason.trim().length < MIN_REASON) found.reason = t('supervisor.reasonTooShort', { min: MIN_REASON });
    setErrors(found);
    if (found.decision || found.reason || !decision) return;
    setBusy(true);
    try {
      onDecided(await decideAsSupervisor(crossing.id, decision, reason.trim()));
    } catch (failure) {
      setErrors({ form: errorText(t, failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form form--inline-end" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-title">
      <h3 id="decision-title">{t(override ? 'supervisor.overrideTitle' : 'supervisor.decideTitle')}</h3>
      {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
      <fieldset className={errors.decision ? 'segmented field--invalid' : 'segmented'} aria-describedby={errors.decision ? 'decision-error' : undefined}>
        <legend>{t('supervisor.decision')}</legend>
        {choices.map((d) => (
          <label key={d} className="segmented__option">
            <input type="radio" name="supervisor-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`supervisor.decide.${d}`)}
          </label>
        ))}
      </fieldset>
      {errors.decision ? (
        <p className="field__error" id="decision-error">
          {errors.decision}
        </p>
      ) : null}
      <TextAreaField label={t('supervisor.reason')} hint={t('supervisor.reasonHint', { min: MIN_REASON })} value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t(override ? 'supervisor.overrideSubmit' : 'supervisor.decideSubmit')}
        </button>
      </div>
    </form>
  );
}
