/**
 * The answer to a search by fingerprint: candidates best first, each with a plain band (strong: a lane would have
 * identified them; possible: the score reaches only what a claimed identity needs, so compare before acting), the
 * fused score and each finger's score, and a button opening the record. The band is written out, never shown by
 * colour alone.
 */
import type { IdentifyResult } from '../../api/travellers.js';
import type { Traveller } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { fingerKey } from '../lane/FingerCapturePanel.js';

/** Badge class per band: the document-status colours (green for strong, amber for possible). */
const BAND_BADGE = { strong: 'badge--valid', possible: 'badge--not_yet_valid' } as const;

interface FingerprintCandidatesProps {
  readonly result: IdentifyResult;
  readonly openId: string | undefined;
  onOpen(traveller: Traveller): void;
}

export function FingerprintCandidates({ result, openId, onOpen }: FingerprintCandidatesProps) {
  const { t, formatNumber } = useI18n();
  const { candidates } = result;
  return (
    <section className="panel" aria-labelledby="fp-results-heading">
      <h2 id="fp-results-heading">{t('fpsearch.candidates')}</h2>
      <p role="status">
        {candidates.length === 0 ? t('fpsearch.none') : candidates.length === 1 ? t('fpsearch.countOne') : t('fpsearch.count', { count: candidates.length })}
      </p>
      <p className="field__hint">
        {t('fpsearch.thresholds', { identification: formatNumber(result.identificationThreshold), verification: formatNumber(result.verificationThreshold) })}
      </p>
      {candidates.length ? (
        <table className="table" aria-labelledby="fp-results-heading">
          <thead>
            <tr>
              <th scope="col">{t('fpsearch.rank')}</th>
              <th scope="col">{t('travellers.name')}</th>
              <th scope="col">{t('fpsearch.band')}</th>
              <th scope="col">{t('fpsearch.score')}</th>
              <th scope="col">{t('fpsearch.perFinger')}</th>
              <th scope="col">{t('travellers.birthDate')}</th>
              <th scope="col">{t('travellers.nationality')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c, i) => {
              const name = `${c.traveller.surnameLatin}, ${c.traveller.givenNamesLatin}`;
              return (
                <tr key={c.traveller.id} aria-selected={openId === c.traveller.id ? true : undefined}>
                  <td>{formatNumber(i + 1)}</td>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => onOpen(c.traveller)} aria-label={t('travellers.open', { name })}>
                      {name}
                    </button>
                  </th>
                  <td>
                    <span className={`badge ${BAND_BADGE[c.band]}`}>{t(`fpsearch.band.${c.band}`)}</span>
                  </td>
                  <td className="mono">{formatNumber(c.score)}</td>
                  <td>
                    <ul className="plain-list">
                      {c.fingers.map((f) => (
                        <li key={f.position}>{t('fpsearch.fingerScore', { finger: t(fingerKey(f.position)), score: formatNumber(f.score) })}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="mono">{c.traveller.birthDate}</td>
                  <td className="mono">{c.traveller.nationality}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
