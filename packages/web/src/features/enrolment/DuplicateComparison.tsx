/**
 * A possible duplicate, side by side: this enrolment (what was typed, the documents waiting, the fingers captured
 * with their images where they came as images) next to each candidate the 1:N search found (their record and
 * documents, read fresh and audited, their enrolled fingers, the fused score and the score per finger). The server
 * has already opened the adjudication case and created nothing; a supervisor decides "same person" or "different
 * people". Fingerprint images of enrolled travellers are never kept, so that side says so.
 */
import { useEffect, useState } from 'react';
import { travellerFingerprints, type Candidate, type EnrolledFinger } from '../../api/crossings.js';
import { getTraveller, type AdjudicationCase, type NewDocument, type NewTraveller } from '../../api/enrolment.js';
import type { Traveller } from '../../api/types.js';
import type { MessageKey } from '../../i18n/messages-en.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { fingerKey } from '../lane/FingerCapturePanel.js';
import type { HeldFinger } from '../lane/capture.js';
import { documentNumberOf } from './DocumentsEditor.js';

interface Loaded {
  readonly candidate: Candidate;
  readonly traveller: Traveller | undefined;
  readonly fingers: readonly EnrolledFinger[];
  readonly error?: unknown;
}

interface DuplicateComparisonProps {
  readonly adjudication: AdjudicationCase;
  readonly submitted: NewTraveller;
  readonly documents: readonly NewDocument[];
  readonly fingers: readonly HeldFinger[];
}

export function DuplicateComparison({ adjudication, submitted, documents, fingers }: DuplicateComparisonProps) {
  const { t, formatTime } = useI18n();
  const [loaded, setLoaded] = useState<readonly Loaded[]>();
  useEffect(() => {
    let live = true;
    Promise.all(
      adjudication.candidates.map(async (candidate): Promise<Loaded> => {
        try {
          const [traveller, enrolled] = await Promise.all([getTraveller(candidate.travellerId), travellerFingerprints(candidate.travellerId)]);
          return { candidate, traveller, fingers: enrolled };
        } catch (error) {
          return { candidate, traveller: undefined, fingers: [], error };
        }
      }),
    ).then((all) => live && setLoaded(all));
    return () => {
      live = false;
    };
  }, [adjudication]);

  return (
    <div className="compare">
      <section className="compare__side compare__side--submitted" aria-labelledby="submitted-heading">
        <h3 id="submitted-heading">{t('enrol.submitted')}</h3>
        <PersonFacts person={submitted} />
        <h4>{t('enrol.documents')}</h4>
        {documents.length ? (
          <ul className="plain-list">
            {documents.map((d, i) => (
              <li key={i}>{t('enrol.documentAdded', { document: t(`document.${d.type}` as MessageKey), number: documentNumberOf(d) })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('enrol.noDocuments')}</p>
        )}
        <h4>{t('enrol.capturedFingers')}</h4>
        <ul className="plain-list">
          {adjudication.submitted.fingers.map((f) => (
            <li key={f.position}>{t('enrol.fingerMeta', { finger: t(fingerKey(f.position)), quality: f.quality, minutiae: f.minutiae })}</li>
          ))}
        </ul>
        <h4>{t('enrol.fingerImage')}</h4>
        <div className="compare__images">
          {fingers.map((f) => (
            <figure key={f.capture.position} className="compare__image">
              {f.preview ? <img src={f.preview} alt={t('enrol.imageCaptured', { finger: t(fingerKey(f.capture.position)) })} /> : null}
              <figcaption>
                {t(fingerKey(f.capture.position))}
                {f.preview ? null : <span className="muted"> · {t('enrol.noImage')}</span>}
              </figcaption>
            </figure>
          ))}
        </div>
      </section>
      {loaded === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        loaded.map(({ candidate, traveller, fingers: enrolled, error }, i) => (
          <section key={candidate.travellerId} className="compare__side compare__side--candidate" aria-labelledby={`candidate-${i}`} data-testid="duplicate-candidate">
            <h3 id={`candidate-${i}`}>
              {t('enrol.candidate', { rank: i + 1 })}
              {traveller ? ` · ${traveller.surnameLatin}, ${traveller.givenNamesLatin}` : ''}
            </h3>
            {error ? <Notice tone="error">{errorText(t, error)}</Notice> : null}
            {traveller ? (
              <>
                <PersonFacts person={traveller} />
                <p className="muted">{t('enrol.recordCreated', { time: formatTime(traveller.createdAt) })}</p>
                <h4>{t('enrol.documents')}</h4>
                {traveller.documents.length ? (
                  <ul className="plain-list">
                    {traveller.documents.map((d) => (
                      <li key={d.id}>{t('enrol.documentAdded', { document: t(`document.${d.type}`), number: d.number })}</li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('enrol.noDocuments')}</p>
                )}
              </>
            ) : null}
            <dl className="facts">
              <dt>{t('enrol.fusedScore')}</dt>
              <dd className="mono" data-testid="fused-score">
                {candidate.score}
              </dd>
            </dl>
            <h4>{t('enrol.perFinger')}</h4>
            <ul className="plain-list">
              {candidate.fingers.map((f) => (
                <li key={f.position}>{t('lane.fingerScore', { finger: t(fingerKey(f.position)), score: f.score })}</li>
              ))}
            </ul>
            <h4>{t('enrol.enrolledFingers')}</h4>
            <ul className="plain-list">
              {enrolled.map((f) => (
                <li key={f.position}>{t('enrol.fingerMeta', { finger: t(fingerKey(f.position)), quality: f.quality, minutiae: f.minutiae })}</li>
              ))}
            </ul>
            <h4>{t('enrol.fingerImage')}</h4>
            <p className="muted">{t('enrol.imageNotKept')}</p>
          </section>
        ))
      )}
    </div>
  );
}

function PersonFacts({ person }: { readonly person: NewTraveller | Traveller }) {
  const { t } = useI18n();
  const original = [person.surnameOriginal, person.givenNamesOriginal].filter(Boolean).join(' ');
  return (
    <dl className="facts">
      <dt>{t('travellers.name')}</dt>
      <dd>
        {person.surnameLatin.toUpperCase()}, {person.givenNamesLatin.toUpperCase()}
      </dd>
      <dt>{t('travellers.originalName')}</dt>
      <dd dir="auto">{original || '—'}</dd>
      <dt>{t('travellers.fatherName')}</dt>
      <dd>{[person.fatherNameLatin, person.fatherNameOriginal].filter(Boolean).join(' · ') || '—'}</dd>
      <dt>{t('travellers.birthDate')}</dt>
      <dd className="mono">{person.birthDate}</dd>
      <dt>{t('travellers.sex')}</dt>
      <dd>{t(`sex.${person.sex}`)}</dd>
      <dt>{t('travellers.nationality')}</dt>
      <dd className="mono">{person.nationality}</dd>
    </dl>
  );
}
