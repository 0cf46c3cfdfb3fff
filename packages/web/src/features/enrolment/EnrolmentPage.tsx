/**
 * Enrolment of a frequent crosser: the person (names in Latin letters and in the original script, a birth date
 * that may be only a year or a month, sex, nationality; a passport's MRZ fills these), their documents, and their
 * fingers. The server searches the fingers 1:N before it records anything: enrolled (then the documents are added
 * to the new record, and a border pass can be issued), or held as a possible duplicate, shown side by side with
 * each candidate for the supervisor's adjudication; nothing is ever merged silently.
 */
import { useState, type FormEvent } from 'react';
import { allPages } from '../../api/client.js';
import { addDocument, enrol, type AdjudicationCase, type NewDocument, type NewTraveller } from '../../api/enrolment.js';
import type { Post, Traveller } from '../../api/types.js';
import type { MessageKey } from '../../i18n/messages-en.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { DEFAULT_POSITIONS, releasePreviews, type HeldFinger } from '../lane/capture.js';
import { FingerCapturePanel } from '../lane/FingerCapturePanel.js';
import { mrzLines, previewMrz } from '../lane/mrz.js';
import { DocumentsEditor, documentNumberOf, isoDate } from './DocumentsEditor.js';
import { DuplicateComparison } from './DuplicateComparison.js';
import { BorderPassRenewal } from './BorderPassRenewal.js';

const SEXES = ['F', 'M', 'X'] as const;
const BORDER_PASS_DAYS = 182; // days after the first: within the six months a pass may run
const DAY_MS = 86_400_000;

type Outcome =
  | { readonly kind: 'enrolled'; readonly travellerId: string; readonly name: string; readonly fingers: number; readonly added: readonly string[]; readonly failed: readonly string[] }
  | { readonly kind: 'duplicate'; readonly adjudication: AdjudicationCase; readonly submitted: NewTraveller; readonly documents: readonly NewDocument[]; readonly fingers: readonly HeldFinger[] };

/** YYMMDD of an MRZ birth date to YYYY-MM-DD: the latest century that is not in the future. */
function mrzBirthDate(yymmdd: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const century = yy > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

export function EnrolmentPage() {
  const { t } = useI18n();
  const [postsState] = useLoad(() => allPages<{ posts: Post[] }>('/api/posts', 'posts').then((r) => r.posts), []);
  const posts = postsState.status === 'done' ? postsState.data : [];
  const [post, setPost] = useState('');
  const [mrz, setMrz] = useState('');
  const [person, setPerson] = useState({ surnameLatin: '', givenNamesLatin: '', surnameOriginal: '', givenNamesOriginal: '', fatherNameLatin: '', fatherNameOriginal: '', birthDate: '', sex: 'M', nationality: '' });
  const [documents, setDocuments] = useState<NewDocument[]>([]);
  const [positions, setPositions] = useState<number[]>([...DEFAULT_POSITIONS]);
  const [held, setHeld] = useState<ReadonlyMap<number, HeldFinger>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [notice, setNotice] = useState<string>();
  const currentPost = post || posts[0]?.code || '';

  const lines = mrzLines(mrz);
  const preview = lines ? previewMrz(lines) : undefined;
  /** A valid MRZ fills the person and puts the passport among the documents, in the same update as the text. */
  const onMrzChange = (value: string) => {
    setMrz(value);
    const read = mrzLines(value);
    const passport = read ? previewMrz(read) : undefined;
    if (!passport || passport.badCheckDigits.length) return;
    setPerson((p) => ({
      ...p,
      surnameLatin: passport.surname,
      givenNamesLatin: passport.givenNames,
      birthDate: mrzBirthDate(passport.birthDate),
      sex: passport.sex,
      nationality: passport.nationality,
    }));
    setDocuments((docs) => [...docs.filter((d) => d.type !== 'passport'), { type: 'passport', mrz: passport.lines }]);
  };

  const set = (field: keyof typeof person) => (value: string) => setPerson((p) => ({ ...p, [field]: value }));
  const fingers = positions.map((p) => held.get(p)).filter((f): f is HeldFinger => f !== undefined);

  const reset = () => {
    setMrz('');
    setPerson({ surnameLatin: '', givenNamesLatin: '', surnameOriginal: '', givenNamesOriginal: '', fatherNameLatin: '', fatherNameOriginal: '', birthDate: '', sex: 'M', nationality: '' });
    setDocuments([]);
    setHeld((h) => {
      releasePreviews(h.values());
      return new Map();
    });
    setPositions([...DEFAULT_POSITIONS]);
    setOutcome(undefined);
    setError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    if (!person.surnameLatin.trim() || !person.givenNamesLatin.trim()) return setError(t('enrol.validationNames'));
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(person.birthDate.trim())) return setError(t('enrol.validationBirth'));
    if (!/^[A-Z]{3}$/.test(person.nationality.trim().toUpperCase())) return setError(t('enrol.validationNationality'));
    if (fingers.length === 0) return setError(t('enrol.validationFingers'));
    const original = optional(person.surnameOriginal) ?? optional(person.givenNamesOriginal) ?? optional(person.fatherNameOriginal);
    const traveller: NewTraveller = {
      surnameLatin: person.surnameLatin.trim(),
      givenNamesLatin: person.givenNamesLatin.trim(),
      surnameOriginal: optional(person.surnameOriginal),
      givenNamesOriginal: optional(person.givenNamesOriginal),
      originalScript: original ? 'Arab' : undefined,
      fatherNameLatin: optional(person.fatherNameLatin),
      fatherNameOriginal: optional(person.fatherNameOriginal),
      birthDate: person.birthDate.trim(),
      sex: person.sex as NewTraveller['sex'],
      nationality: person.nationality.trim().toUpperCase(),
    };
    setBusy(true);
    try {
      const result = await enrol(currentPost, traveller, fingers.map((f) => f.capture));
      if (result.status === 'pending_adjudication') {
        setOutcome({ kind: 'duplicate', adjudication: result.case, submitted: traveller, documents, fingers });
        return;
      }
      const added: string[] = [];
      const failed: string[] = [];
      for (const d of documents) {
        const label = `${t(`document.${d.type}` as MessageKey)} ${documentNumberOf(d)}`;
        try {
          await addDocument(result.travellerId, currentPost, d);
          added.push(label);
        } catch (e) {
          failed.push(t('enrol.documentFailed', { document: label, message: errorText(t, e) }));
        }
      }
      setOutcome({ kind: 'enrolled', travellerId: result.travellerId, name: `${traveller.surnameLatin.toUpperCase()}, ${traveller.givenNamesLatin.toUpperCase()}`, fingers: fingers.length, added, failed });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  if (outcome?.kind === 'duplicate') {
    return (
      <>
        <PageHeading title={t('enrol.title')} />
        <section className="panel panel--attention" aria-labelledby="duplicate-heading">
          <h2 id="duplicate-heading">{t('enrol.duplicateTitle')}</h2>
          <p>{t('enrol.duplicateIntro', { count: outcome.adjudication.candidates.length, case: outcome.adjudication.id })}</p>
          {outcome.documents.length ? <p>{t('enrol.duplicateDocuments')}</p> : null}
          <DuplicateComparison adjudication={outcome.adjudication} submitted={outcome.submitted} documents={outcome.documents} fingers={outcome.fingers} />
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setNotice(t('enrol.sent', { case: outcome.adjudication.id }));
                reset();
              }}
            >
              {t('enrol.sendToSupervisor')}
            </button>
          </div>
        </section>
      </>
    );
  }

  if (outcome?.kind === 'enrolled') {
    return (
      <>
        <PageHeading title={t('enrol.title')} />
        <Notice tone="success">{t('enrol.enrolled', { name: outcome.name, fingers: outcome.fingers })}</Notice>
        {outcome.added.length ? <p>{t('enrol.documentsAdded', { documents: outcome.added.join(', ') })}</p> : null}
        {outcome.failed.map((f) => (
          <Notice key={f} tone="error">
            {f}
          </Notice>
        ))}
        <BorderPassIssue travellerId={outcome.travellerId} post={currentPost} />
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={reset}>
            {t('enrol.another')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('enrol.title')} intro={t('enrol.intro')} />
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      <form id="enrol-form" className="panel form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="person-heading">
        <h2 id="person-heading">{t('enrol.person')}</h2>
        {posts.length > 1 ? (
          <SelectField label={t('lane.post')} value={currentPost} onChange={(e) => setPost(e.target.value)} options={posts.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))} />
        ) : null}
        <div className="field">
          <label htmlFor="enrol-mrz">{t('enrol.fromMrz')}</label>
          <p className="field__hint" id="enrol-mrz-hint">
            {t('enrol.fromMrzHint')}
          </p>
          <textarea id="enrol-mrz" className="mrz-input" rows={3} spellCheck={false} autoComplete="off" aria-describedby="enrol-mrz-hint enrol-mrz-state" value={mrz} onChange={(e) => onMrzChange(e.target.value)} />
          <p id="enrol-mrz-state" className={preview?.badCheckDigits.length ? 'field__error' : 'field__hint'} role="status">
            {preview
              ? preview.badCheckDigits.length
                ? t('lane.mrzBad', { fields: preview.badCheckDigits.map((f) => t(`lane.mrzField.${f}` as MessageKey)).join(', ') })
                : t('enrol.mrzApplied')
              : ''}
          </p>
        </div>
        <div className="form__row">
          <TextField label={t('enrol.surnameLatin')} required autoComplete="off" value={person.surnameLatin} onChange={(e) => set('surnameLatin')(e.target.value)} />
          <TextField label={t('enrol.givenNamesLatin')} required autoComplete="off" value={person.givenNamesLatin} onChange={(e) => set('givenNamesLatin')(e.target.value)} />
          <TextField label={t('enrol.fatherNameLatin')} autoComplete="off" value={person.fatherNameLatin} onChange={(e) => set('fatherNameLatin')(e.target.value)} />
        </div>
        <div className="form__row">
          <TextField label={t('enrol.surnameOriginal')} dir="auto" lang="ps" autoComplete="off" value={person.surnameOriginal} onChange={(e) => set('surnameOriginal')(e.target.value)} />
          <TextField label={t('enrol.givenNamesOriginal')} dir="auto" lang="ps" autoComplete="off" value={person.givenNamesOriginal} onChange={(e) => set('givenNamesOriginal')(e.target.value)} />
          <TextField label={t('enrol.fatherNameOriginal')} dir="auto" lang="ps" autoComplete="off" value={person.fatherNameOriginal} onChange={(e) => set('fatherNameOriginal')(e.target.value)} />
        </div>
        <div className="form__row">
          <TextField label={t('enrol.birthDate')} hint={t('enrol.birthDateHint')} required inputMode="numeric" autoComplete="off" value={person.birthDate} onChange={(e) => set('birthDate')(e.target.value)} />
          <SelectField label={t('enrol.sex')} value={person.sex} onChange={(e) => set('sex')(e.target.value)} options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))} />
          <TextField label={t('enrol.nationality')} hint={t('enrol.nationalityHint')} required maxLength={3} autoComplete="off" value={person.nationality} onChange={(e) => set('nationality')(e.target.value.toUpperCase())} />
        </div>
      </form>
      <section className="panel" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('enrol.documents')}</h2>
        <DocumentsEditor post={currentPost} documents={documents} onChange={setDocuments} />
      </section>
      <section className="panel" aria-labelledby="enrol-fingers-heading">
        <h2 id="enrol-fingers-heading">{t('enrol.fingers')}</h2>
        <FingerCapturePanel
          positions={positions}
          held={held}
          disabled={busy}
          inputIdPrefix="enrol-finger"
          onPositions={setPositions}
          onHeld={(position, finger) =>
            setHeld((h) => {
              const next = new Map(h);
              const old = next.get(position);
              if (old) releasePreviews([old]);
              if (finger) next.set(position, finger);
              else next.delete(position);
              return next;
            })
          }
        />
      </section>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form__actions">
        <button type="submit" form="enrol-form" className="button button--primary" disabled={busy || !currentPost}>
          {busy ? t('enrol.submitting') : t('enrol.submit')}
        </button>
      </div>
      {currentPost ? <BorderPassRenewal post={currentPost} /> : null}
    </>
  );
}

/** Issues a border pass (Rahdari) at this post to the traveller just enrolled. */
function BorderPassIssue({ travellerId, post }: { readonly travellerId: string; readonly post: string }) {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState(isoDate(Date.now()));
  const [until, setUntil] = useState(isoDate(Date.now() + BORDER_PASS_DAYS * DAY_MS));
  const [done, setDone] = useState<Traveller['documents'][number]>();
  const [error, setError] = useState<string>();
  const issue = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setDone(await addDocument(travellerId, post, { type: 'border_pass', number: number.trim().toUpperCase(), issuingPost: post, validFrom: from, validUntil: until }));
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <form className="panel form" onSubmit={(e) => void issue(e)} noValidate aria-labelledby="pass-heading">
      <h2 id="pass-heading">{t('enrol.borderPass')}</h2>
      <p className="field__hint">{t('enrol.borderPassIntro')}</p>
      {done ? <Notice tone="success">{t('enrol.passIssued', { number: done.number, from: done.validFrom ?? '', until: done.validUntil ?? '' })}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form__row">
        <TextField label={t('enrol.documentNumber')} className="mono" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />
        <TextField label={t('enrol.validFrom')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('enrol.validUntil')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={!number.trim() || done !== undefined}>
          {t('enrol.issuePass')}
        </button>
      </div>
    </form>
  );
}
