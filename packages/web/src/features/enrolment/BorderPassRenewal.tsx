/**
 * Renewing a border pass (Rahdari) of someone already enrolled: find them by a document they carry (GET
 * /api/travellers, audited as a search), see their passes, and issue the next one at this post. A pass runs at most
 * six months, so renewal is a new pass document starting the day after the latest one ends (or today, if that has
 * passed); the server checks the period and the number.
 */
import { useState, type FormEvent } from 'react';
import { api, withQuery } from '../../api/client.js';
import { addDocument } from '../../api/enrolment.js';
import { DOCUMENT_TYPES, type DocumentType, type TravelDocument, type Traveller } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { isoDate } from './DocumentsEditor.js';

const BORDER_PASS_DAYS = 182; // days after the first: within the six months a pass may run
const DAY_MS = 86_400_000;

/** The first day of the next pass: the day after the latest pass ends, or today. */
export function renewalStart(passes: readonly TravelDocument[], today: string): string {
  const latest = passes.map((p) => p.validUntil).filter((d): d is string => d !== null).sort().at(-1);
  if (!latest) return today;
  const next = isoDate(Date.parse(`${latest}T00:00:00Z`) + DAY_MS);
  return next > today ? next : today;
}

export function BorderPassRenewal({ post }: { readonly post: string }) {
  const { t } = useI18n();
  const [type, setType] = useState<DocumentType>('border_pass');
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<readonly Traveller[]>();
  const [chosen, setChosen] = useState<Traveller>();
  const [error, setError] = useState<string>();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setChosen(undefined);
    try {
      const result = await api<{ travellers: Traveller[] }>('GET', withQuery('/api/travellers', { documentType: type, documentNumber: number.trim() }));
      setFound(result.travellers);
      if (result.travellers.length === 1) setChosen(result.travellers[0]);
    } catch (e) {
      setFound(undefined);
      setError(errorText(t, e));
    }
  };

  return (
    <section className="panel" aria-labelledby="renew-heading">
      <h2 id="renew-heading">{t('enrol.renewTitle')}</h2>
      <p className="field__hint">{t('enrol.renewIntro')}</p>
      <form className="form" onSubmit={(e) => void search(e)} noValidate role="search" aria-label={t('enrol.renewTitle')}>
        <div className="form__row">
          <SelectField label={t('enrol.renewDocumentType')} value={type} onChange={(e) => setType(e.target.value as DocumentType)} options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`document.${d}`) }))} />
          <TextField label={t('enrol.renewDocumentNumber')} className="mono" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={!number.trim()}>
            {t('enrol.renewFind')}
          </button>
        </div>
      </form>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {found && found.length === 0 ? <p role="status">{t('travellers.noResults')}</p> : null}
      {found && found.length > 1 ? (
        <ul className="plain-list">
          {found.map((f) => (
            <li key={f.id}>
              <button type="button" className="link-button" onClick={() => setChosen(f)}>
                {f.surnameLatin}, {f.givenNamesLatin} ({f.birthDate}, {f.nationality})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen ? <RenewFor key={chosen.id} traveller={chosen} post={post} /> : null}
    </section>
  );
}

function RenewFor({ traveller, post }: { readonly traveller: Traveller; readonly post: string }) {
  const { t } = useI18n();
  const passes = traveller.documents.filter((d) => d.type === 'border_pass');
  const start = renewalStart(passes, isoDate(Date.now()));
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState(start);
  const [until, setUntil] = useState(isoDate(Date.parse(`${start}T00:00:00Z`) + BORDER_PASS_DAYS * DAY_MS));
  const [done, setDone] = useState<TravelDocument>();
  const [error, setError] = useState<string>();
  const issue = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setDone(await addDocument(traveller.id, post, { type: 'border_pass', number: number.trim().toUpperCase(), issuingPost: post, validFrom: from, validUntil: until }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <form className="form form--compact" onSubmit={(e) => void issue(e)} noValidate aria-labelledby="renew-for-heading">
      <h3 id="renew-for-heading">
        {traveller.surnameLatin}, {traveller.givenNamesLatin}
      </h3>
      {passes.length ? (
        <ul className="plain-list" aria-label={t('enrol.currentPasses')}>
          {passes.map((p) => (
            <li key={p.id}>
              <span className="mono">{p.number}</span> {p.validFrom} – {p.validUntil}{' '}
              <span className={`badge badge--${p.status}`}>{t(`status.${p.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('enrol.noPass')}</p>
      )}
      {done ? <Notice tone="success">{t('enrol.passIssued', { number: done.number, from: done.validFrom ?? '', until: done.validUntil ?? '' })}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form__row">
        <TextField label={t('enrol.newPassNumber')} className="mono" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />
        <TextField label={t('enrol.validFrom')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('enrol.validUntil')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!number.trim() || done !== undefined}>
          {passes.length ? t('enrol.renewSubmit') : t('enrol.issuePass')}
        </button>
      </div>
    </form>
  );
}
