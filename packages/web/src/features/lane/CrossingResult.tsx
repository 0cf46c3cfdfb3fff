/**
 * The answer to a crossing, laid out for a glance: the recommendation and its reasons first, then who this is
 * (photo placeholder: Sarhad keeps no photos), the document, fingerprint confidence in plain bands with the
 * per-finger scores, watchlist hits with what matched (which name or alias, which name parts, birth date,
 * nationality, document), and the traveller's last crossings.
 */
import type { ReactNode } from 'react';
import type { Crossing, WatchlistHit } from '../../api/crossings.js';
import type { CrossingSummary } from '../../api/types.js';
import type { MessageKey } from '../../i18n/messages-en.js';
import { useI18n } from '../../i18n/i18n.js';
import { confidenceOf, oneIn } from './confidence.js';
import { fingerKey } from './FingerCapturePanel.js';

const SEVERITY_ORDER = { alert: 0, secondary: 1, info: 2 } as const;

function initials(surname: string, given: string): string {
  return `${given.trim()[0] ?? ''}${surname.trim()[0] ?? ''}` || '?';
}

interface CrossingResultProps {
  readonly crossing: Crossing;
  readonly history: readonly CrossingSummary[] | undefined;
  readonly answeredMs: number | undefined;
  /** The decision controls, shown right under the recommendation so they are in view at 1366x768. */
  readonly actions: ReactNode;
}

export function CrossingResult({ crossing, history, answeredMs, actions }: CrossingResultProps) {
  const { t, formatTime } = useI18n();
  const { traveller, document, biometrics, watchlist } = crossing;
  const band = confidenceOf(biometrics);
  const reasons = [...crossing.reasons].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const odds = biometrics.score === null ? undefined : oneIn(biometrics.score);
  return (
    <div className="result">
      <div className={`verdict verdict--${crossing.recommendation}`} data-testid="recommendation" role="status">
        <span className="verdict__label">{t('lane.recommendation')}</span>
        <strong className="verdict__value">{t(`lane.rec.${crossing.recommendation}`)}</strong>
        {answeredMs !== undefined ? <span className="verdict__meta">{t('lane.answeredIn', { ms: Math.round(answeredMs) })}</span> : null}
      </div>
      {actions}
      <section aria-labelledby="reasons-heading" className="result__reasons">
        <h3 id="reasons-heading">{t('lane.reasons')}</h3>
        <ul className="reasons">
          {reasons.map((r, i) => (
            <li key={`${r.code}-${i}`} className={`reason reason--${r.severity}`}>
              <span className="reason__severity">{t(`lane.severity.${r.severity}`)}</span>
              <span className="reason__label">{t(`lane.reason.${r.code}` as MessageKey)}</span>
              <span className="reason__detail" lang="en" dir="ltr">
                {r.message}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <div className="result__grid">
        <section aria-labelledby="identity-heading" className="result__card">
          <h3 id="identity-heading">{t('lane.identity')}</h3>
          {traveller ? (
            <div className="identity">
              <div className="photo-placeholder" role="img" aria-label={t('lane.noPhoto')}>
                <span aria-hidden="true">{initials(traveller.surnameLatin, traveller.givenNamesLatin)}</span>
              </div>
              <dl className="facts">
                <dt>{t('travellers.name')}</dt>
                <dd data-testid="traveller-name">
                  {traveller.surnameLatin}, {traveller.givenNamesLatin}
                </dd>
                <dt>{t('lane.birth')}</dt>
                <dd className="mono">{traveller.birthDate}</dd>
                <dt>{t('travellers.sex')}</dt>
                <dd>{t(`sex.${traveller.sex}`)}</dd>
                <dt>{t('travellers.nationality')}</dt>
                <dd className="mono">{traveller.nationality}</dd>
              </dl>
            </div>
          ) : (
            <p>{t('lane.unknownTraveller')}</p>
          )}
          <h4>{t('lane.documentResult')}</h4>
          {document.presented && document.type ? (
            <p>
              {t(`document.${document.type}`)} <span className="mono">{document.number}</span>
              {document.issuingCountry ? <span className="mono"> ({document.issuingCountry})</span> : null}{' '}
              {document.status ? <span className={`badge badge--${document.status}`}>{t(`status.${document.status}`)}</span> : null}{' '}
              {document.validUntil ? <span>{t('lane.validUntil', { date: document.validUntil })}</span> : null}
              {!document.known ? <span className="badge badge--expired">{t('lane.documentUnknown')}</span> : null}
            </p>
          ) : (
            <p>{t('lane.documentNotPresented')}</p>
          )}
        </section>
        <section aria-labelledby="confidence-heading" className="result__card">
          <h3 id="confidence-heading">{t('lane.confidence')}</h3>
          <p className={`band band--${band}`} data-testid="confidence">
            {t(`lane.band.${band}`)}
          </p>
          <p className="muted">{t(`lane.method.${biometrics.method}`)}</p>
          {biometrics.score !== null && odds ? (
            <p className="muted">
              {t(odds.beyond ? 'lane.scoreDetailBeyond' : 'lane.scoreDetail', {
                score: biometrics.score,
                odds: odds.n,
                verification: biometrics.verificationThreshold,
                identification: biometrics.identificationThreshold,
              })}
            </p>
          ) : null}
          {biometrics.fingers.length ? (
            <>
              <h4>{t('lane.fingerScores')}</h4>
              <ul className="plain-list">
                {biometrics.fingers.map((f) => (
                  <li key={f.position}>{t('lane.fingerScore', { finger: t(fingerKey(f.position)), score: f.score })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {biometrics.method === 'verification' && biometrics.candidates.length ? (
            <p className="notice notice--error">{t('lane.otherCandidates', { count: biometrics.candidates.length })}</p>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="watchlist-heading" className="result__card">
        <h3 id="watchlist-heading">{t('lane.watchlist')}</h3>
        {watchlist.versions.length === 0 ? (
          <p>{t('lane.watchlistNotLoaded')}</p>
        ) : (
          <p className="muted">{t('lane.watchlistScreened', { lists: watchlist.versions.map((v) => v.source).join(', ') })}</p>
        )}
        {watchlist.hits.length ? (
          <ul className="hits">
            {watchlist.hits.map((hit) => (
              <HitExplanation key={`${hit.source}-${hit.entryId}`} hit={hit} />
            ))}
          </ul>
        ) : watchlist.versions.length ? (
          <p>{t('lane.watchlistNone')}</p>
        ) : null}
      </section>
      {traveller ? (
        <section aria-labelledby="history-heading" className="result__card">
          <h3 id="history-heading">{t('lane.lastCrossings')}</h3>
          {history === undefined ? (
            <p role="status">{t('app.loading')}</p>
          ) : history.length === 0 ? (
            <p>{t('lane.noEarlierCrossings')}</p>
          ) : (
            <table className="table" aria-label={t('lane.lastCrossings')}>
              <thead>
                <tr>
                  <th scope="col">{t('movements.recorded')}</th>
                  <th scope="col">{t('movements.post')}</th>
                  <th scope="col">{t('movements.direction')}</th>
                  <th scope="col">{t('movements.status')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((c) => (
                  <tr key={c.id}>
                    <td>{formatTime(c.recordedAt)}</td>
                    <td className="mono">{c.post}</td>
                    <td>{t(`movements.direction.${c.direction}`)}</td>
                    <td>
                      <span className={`badge badge--crossing-${c.status}`}>{t(`crossing.${c.status}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}

function HitExplanation({ hit }: { readonly hit: WatchlistHit }) {
  const { t } = useI18n();
  const { name, dateOfBirth, nationality, document } = hit.explanation;
  const percent = (v: number) => Math.round(v * 100);
  return (
    <li className="hit" data-testid="watchlist-hit">
      <p className="hit__title">
        <strong>{t('lane.hit', { source: hit.source, entry: hit.entryId, name: hit.primaryName })}</strong>{' '}
        <span className="badge badge--expired">{t('lane.hitScore', { score: percent(hit.score) })}</span>{' '}
        <span className="muted">{hit.listType}</span>
      </p>
      <dl className="facts">
        {name ? (
          <>
            <dt>{t('travellers.name')}</dt>
            <dd>
              <span dir="auto">{t('lane.hitName', { query: name.query, listed: name.listed, kind: t(`lane.hitNameKind.${name.listedKind}`) })}</span>
              {name.weakAliasConfirmed ? <span className="muted"> ({t('lane.hitWeakAlias')})</span> : null}
              <span className="hit__tokens">
                {t('lane.hitTokens')}:{' '}
                {name.pairs.map((p, i) => (
                  <span key={i} className="token-pair" dir="auto">
                    {t('lane.hitToken', { query: p.query, listed: p.listed, similarity: percent(p.similarity) })}
                  </span>
                ))}
              </span>
            </dd>
          </>
        ) : null}
        <dt>{t('lane.hitDob')}</dt>
        <dd>{t(`lane.dob.${dateOfBirth}`)}</dd>
        <dt>{t('lane.hitNationality')}</dt>
        <dd>{t(`lane.nat.${nationality}`)}</dd>
        <dt>{t('lane.hitDocument')}</dt>
        <dd>{document ? t('lane.hitDocumentMatch', { presented: document.presented, listed: document.listed, kind: document.kind }) : t('lane.hitNoDocument')}</dd>
      </dl>
    </li>
  );
}
