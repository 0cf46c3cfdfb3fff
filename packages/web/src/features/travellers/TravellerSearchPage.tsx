/**
 * Person search for analysts and officers: by Latin name (surname, optionally given names and a partial birth
 * date) or by document (type, number, optionally issuing country), through GET /api/travellers; and, for analysts
 * and supervisors, by uploaded fingerprints (POST /api/travellers/identify, a 1:N search of every enrolled
 * traveller; officers identify through crossings). Every search is audited by the server. A result opens the full
 * record with its documents, their validity at the reader's post, and the movement timeline.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, withQuery } from '../../api/client.js';
import { DOCUMENT_TYPES, type DocumentType, type Traveller } from '../../api/types.js';
import { identifyTravellers, type IdentifyResult } from '../../api/travellers.js';
import { useSession } from '../session/session.js';
import { grants } from '../session/permissions.js';
import { DEFAULT_POSITIONS, releasePreviews, type HeldFinger } from '../lane/capture.js';
import { FingerCapturePanel } from '../lane/FingerCapturePanel.js';
import { FingerprintCandidates } from './FingerprintCandidates.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { TravellerRecord } from './TravellerRecord.js';

const SEARCH_MODES = ['name', 'document', 'fingerprint'] as const;
type SearchMode = (typeof SEARCH_MODES)[number];
/** The server returns at most this many travellers for a name. */
const NAME_SEARCH_LIMIT = 50;

export function fullName(t: Pick<Traveller, 'surnameLatin' | 'givenNamesLatin'>): string {
  return `${t.surnameLatin}, ${t.givenNamesLatin}`;
}

export function TravellerSearchPage() {
  const { t } = useI18n();
  const { state: session } = useSession();
  const mayIdentify = session.kind === 'signedIn' && grants(session.user.roles, 'travellers.identify');
  const modes = SEARCH_MODES.filter((m) => m !== 'fingerprint' || mayIdentify);
  const [mode, setMode] = useState<SearchMode>('name');
  const [positions, setPositions] = useState<number[]>([...DEFAULT_POSITIONS]);
  const [held, setHeld] = useState<ReadonlyMap<number, HeldFinger>>(new Map());
  const heldRef = useRef(held);
  heldRef.current = held;
  useEffect(() => () => releasePreviews(heldRef.current.values()), []);
  const [identified, setIdentified] = useState<IdentifyResult>();
  const [surname, setSurname] = useState('');
  const [givenNames, setGivenNames] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [documentType, setDocumentType] = useState<DocumentType>('passport');
  const [documentNumber, setDocumentNumber] = useState('');
  const [issuingCountry, setIssuingCountry] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<readonly Traveller[]>();
  const [open, setOpen] = useState<Traveller>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setOpen(undefined);
    if (mode === 'fingerprint') {
      await searchByFingerprint();
      return;
    }
    setBusy(true);
    setIdentified(undefined);
    const query =
      mode === 'name'
        ? { surname: surname.trim(), givenNames: givenNames.trim(), birthDate: birthDate.trim() }
        : { documentType, documentNumber: documentNumber.trim(), issuingCountry: issuingCountry.trim().toUpperCase() };
    try {
      const found = await api<{ travellers: Traveller[] }>('GET', withQuery('/api/travellers', query));
      setResults(found.travellers);
    } catch (e) {
      setResults(undefined);
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const searchByFingerprint = async () => {
    if (held.size === 0) {
      setError(t('fpsearch.needFinger'));
      return;
    }
    setBusy(true);
    setResults(undefined);
    try {
      setIdentified(await identifyTravellers([...held.values()].map((f) => f.capture)));
    } catch (e) {
      setIdentified(undefined);
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const hold = (position: number, finger: HeldFinger | undefined) => {
    const next = new Map(held);
    const previous = next.get(position);
    if (previous) releasePreviews([previous]);
    if (finger) next.set(position, finger);
    else next.delete(position);
    setHeld(next);
  };

  return (
    <>
      <PageHeading title={t('travellers.title')} intro={t('travellers.intro')} />
      <form className="panel form search-form" onSubmit={(e) => void submit(e)} noValidate role="search" aria-label={t('travellers.title')}>
        <fieldset className="segmented">
          <legend>{t('travellers.mode')}</legend>
          {modes.map((m) => (
            <label key={m} className="segmented__option">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <span>{t(m === 'name' ? 'travellers.byName' : m === 'document' ? 'travellers.byDocument' : 'travellers.byFingerprint')}</span>
            </label>
          ))}
        </fieldset>
        {mode === 'fingerprint' ? (
          <div className="fpsearch">
            <p>{t('fpsearch.intro')}</p>
            <FingerCapturePanel positions={positions} held={held} onHeld={hold} onPositions={setPositions} disabled={busy} inputIdPrefix="fpsearch-finger" />
          </div>
        ) : mode === 'name' ? (
          <div className="form__row">
            <TextField label={t('travellers.surname')} name="surname" required value={surname} onChange={(e) => setSurname(e.target.value)} autoComplete="off" />
            <TextField label={t('travellers.givenNames')} name="givenNames" value={givenNames} onChange={(e) => setGivenNames(e.target.value)} autoComplete="off" />
            <TextField
              label={t('travellers.birthDate')}
              hint={t('travellers.birthDateHint')}
              name="birthDate"
              value={birthDate}
              onChange={(e) => setBirthDate(e.target.value)}
              autoComplete="off"
              inputMode="numeric"
            />
          </div>
        ) : (
          <div className="form__row">
            <SelectField
              label={t('travellers.documentType')}
              name="documentType"
              value={documentType}
              onChange={(e) => setDocumentType(e.target.value as DocumentType)}
              options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`document.${d}`) }))}
            />
            <TextField label={t('travellers.documentNumber')} name="documentNumber" required value={documentNumber} onChange={(e) => setDocumentNumber(e.target.value)} autoComplete="off" className="mono" />
            <TextField
              label={t('travellers.issuingCountry')}
              hint={t('travellers.issuingCountryHint')}
              name="issuingCountry"
              value={issuingCountry}
              maxLength={3}
              onChange={(e) => setIssuingCountry(e.target.value)}
              autoComplete="off"
            />
          </div>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('travellers.searching') : t('travellers.search')}
          </button>
        </div>
      </form>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {identified ? <FingerprintCandidates result={identified} openId={open?.id} onOpen={setOpen} /> : null}
      {results ? (
        <section className="panel" aria-labelledby="results-heading">
          <h2 id="results-heading">{t('travellers.results')}</h2>
          <p role="status">{results.length === 0 ? t('travellers.noResults') : results.length === 1 ? t('travellers.resultOne') : t('travellers.resultCount', { count: results.length })}</p>
          {results.length >= NAME_SEARCH_LIMIT && mode === 'name' ? <Notice tone="info">{t('travellers.limitNote')}</Notice> : null}
          {results.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('travellers.name')}</th>
                  <th scope="col">{t('travellers.originalName')}</th>
                  <th scope="col">{t('travellers.birthDate')}</th>
                  <th scope="col">{t('travellers.sex')}</th>
                  <th scope="col">{t('travellers.nationality')}</th>
                  <th scope="col">{t('travellers.documents')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.id} aria-selected={open?.id === r.id ? true : undefined}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => setOpen(r)} aria-label={t('travellers.open', { name: fullName(r) })}>
                        {fullName(r)}
                      </button>
                    </th>
                    <td lang={r.originalScript === 'Arab' ? 'ur' : undefined} dir="auto">
                      {[r.surnameOriginal, r.givenNamesOriginal].filter(Boolean).join(' ') || '—'}
                    </td>
                    <td className="mono">{r.birthDate}</td>
                    <td>{t(`sex.${r.sex}`)}</td>
                    <td className="mono">{r.nationality}</td>
                    <td>
                      {r.documents.length
                        ? r.documents.map((d) => (
                            <span key={d.id} className="doc-chip">
                              {t(`document.${d.type}`)} <span className="mono">{d.number}</span>
                            </span>
                          ))
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
      {open ? <TravellerRecord traveller={open} onClose={() => setOpen(undefined)} /> : null}
    </>
  );
}
