/**
 * One traveller's record, read fresh from GET /api/travellers/:id (audited as a read of that person) with each
 * document's validity judged by the server on the local date at the reader's post.
 */
import { useEffect, useRef } from 'react';
import { api } from '../../api/client.js';
import type { Traveller } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { TravellerMovements } from './TravellerMovements.js';

export function TravellerRecord({ traveller, onClose }: { readonly traveller: Traveller; onClose(): void }) {
  const { t, formatTime } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state] = useLoad(() => api<{ traveller: Traveller }>('GET', `/api/travellers/${traveller.id}`).then((r) => r.traveller), [traveller.id]);
  useEffect(() => heading.current?.focus(), [traveller.id]);
  const record = state.status === 'done' ? state.data : traveller;
  const name = `${record.surnameLatin}, ${record.givenNamesLatin}`;
  const original = [record.surnameOriginal, record.givenNamesOriginal].filter(Boolean).join(' ');
  return (
    <section className="panel record" aria-labelledby="record-heading">
      <div className="panel__head">
        <h2 id="record-heading" ref={heading} tabIndex={-1}>
          {t('travellers.record', { name })}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('travellers.close')}
        </button>
      </div>
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      <dl className="facts facts--grid">
        <dt>{t('travellers.name')}</dt>
        <dd>{name}</dd>
        <dt>{t('travellers.originalName')}</dt>
        <dd dir="auto">{original || '—'}</dd>
        <dt>{t('travellers.fatherName')}</dt>
        <dd>{[record.fatherNameLatin, record.fatherNameOriginal].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('travellers.birthDate')}</dt>
        <dd className="mono">{record.birthDate}</dd>
        <dt>{t('travellers.sex')}</dt>
        <dd>{t(`sex.${record.sex}`)}</dd>
        <dt>{t('travellers.nationality')}</dt>
        <dd className="mono">{record.nationality}</dd>
        <dt>{t('travellers.recordCreated')}</dt>
        <dd>{formatTime(record.createdAt)}</dd>
      </dl>
      <h3>{t('travellers.documents')}</h3>
      {record.documents.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('travellers.documentType')}</th>
              <th scope="col">{t('travellers.docNumber')}</th>
              <th scope="col">{t('travellers.docCountry')}</th>
              <th scope="col">{t('travellers.docValidity')}</th>
              <th scope="col">{t('travellers.docStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {record.documents.map((d) => (
              <tr key={d.id}>
                <td>{t(`document.${d.type}`)}</td>
                <td className="mono">{d.number}</td>
                <td className="mono">{d.issuingCountry}</td>
                <td className="mono">{[d.validFrom, d.validUntil].filter(Boolean).join(' – ') || '—'}</td>
                <td>
                  <span className={`badge badge--${d.status}`}>{t(`status.${d.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('travellers.noDocuments')}</p>
      )}
      <h3>{t('movements.title')}</h3>
      <TravellerMovements travellerId={traveller.id} />
    </section>
  );
}
