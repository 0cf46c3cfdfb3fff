/**
 * The documents of a person being enrolled, collected before the record exists and added to it once enrolled: a
 * CNIC, Tazkira or e-Tazkira, a PoR card, a visa, a border pass (issued at this post, at most six months). A
 * passport comes from its MRZ (EnrolmentPage). Each type asks only for its own fields; the server applies the
 * rules (number formats, validity periods) and its error names the field.
 */
import { useId, useState, type FormEvent } from 'react';
import type { NewDocument } from '../../api/enrolment.js';
import type { MessageKey } from '../../i18n/messages-en.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField, SelectField } from '../../components/Field.js';

const TYPED_DOCUMENTS = ['cnic', 'tazkira', 'e_tazkira', 'por_card', 'visa', 'border_pass'] as const;
type TypedDocument = (typeof TYPED_DOCUMENTS)[number];

/** Longest border pass: six calendar months (packages/server/src/domain/documents.ts BORDER_PASS_MAX_DAYS). */
const BORDER_PASS_DAYS = 182; // days after the first day, inside the server's 184
const DAY_MS = 86_400_000;

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function documentNumberOf(d: NewDocument): string {
  return d.type === 'passport' ? (d.mrz[1]?.slice(0, 9).replace(/<+$/, '') ?? '') : d.number;
}

interface DocumentsEditorProps {
  readonly post: string;
  readonly documents: readonly NewDocument[];
  onChange(documents: NewDocument[]): void;
}

export function DocumentsEditor({ post, documents, onChange }: DocumentsEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const today = isoDate(Date.now());
  const [type, setType] = useState<TypedDocument>('cnic');
  const [number, setNumber] = useState('');
  const [country, setCountry] = useState('');
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState(isoDate(Date.now() + BORDER_PASS_DAYS * DAY_MS));
  const [entries, setEntries] = useState<'single' | 'multiple'>('single');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const n = number.trim().toUpperCase();
    if (!n) return;
    let document: NewDocument;
    if (type === 'visa') document = { type, number: n, issuingCountry: country.trim().toUpperCase(), validFrom: from, validUntil: until, entries };
    else if (type === 'por_card') document = { type, number: n, validUntil: until };
    else if (type === 'border_pass') document = { type, number: n, issuingPost: post, validFrom: from, validUntil: until };
    else document = { type, number: n };
    onChange([...documents, document]);
    setNumber('');
  };

  const hint = type === 'cnic' ? t('enrol.cnicHint') : type === 'e_tazkira' ? t('enrol.eTazkiraHint') : type === 'border_pass' ? t('enrol.borderPassHint') : undefined;
  return (
    <div className="documents">
      {documents.length ? (
        <ul className="documents-list" aria-label={t('enrol.documents')}>
          {documents.map((d, i) => {
            const label = t(`document.${d.type}` as MessageKey);
            return (
              <li key={`${d.type}-${i}`}>
                <span>{t('enrol.documentAdded', { document: label, number: documentNumberOf(d) })}</span>
                <button type="button" className="button button--small" onClick={() => onChange(documents.filter((_, j) => j !== i))}>
                  {t('enrol.removeDocument', { document: `${label} ${documentNumberOf(d)}` })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="field__hint">{t('enrol.noDocuments')}</p>
      )}
      <form className="form--compact" onSubmit={add} noValidate aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>{t('enrol.addDocument')}</h3>
        <div className="form__row">
          <SelectField
            label={t('enrol.documentType')}
            value={type}
            onChange={(e) => setType(e.target.value as TypedDocument)}
            options={TYPED_DOCUMENTS.map((d) => ({ value: d, label: t(`document.${d}`) }))}
          />
          <TextField label={t('enrol.documentNumber')} hint={hint} className="mono" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />
          {type === 'visa' ? <TextField label={t('enrol.issuingCountry')} maxLength={3} autoComplete="off" value={country} onChange={(e) => setCountry(e.target.value)} /> : null}
          {type === 'visa' || type === 'border_pass' ? <TextField label={t('enrol.validFrom')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} /> : null}
          {type === 'visa' || type === 'border_pass' || type === 'por_card' ? <TextField label={t('enrol.validUntil')} type="date" value={until} onChange={(e) => setUntil(e.target.value)} /> : null}
          {type === 'visa' ? (
            <SelectField
              label={t('enrol.entries')}
              value={entries}
              onChange={(e) => setEntries(e.target.value as 'single' | 'multiple')}
              options={[
                { value: 'single', label: t('enrol.entries.single') },
                { value: 'multiple', label: t('enrol.entries.multiple') },
              ]}
            />
          ) : null}
          {type === 'border_pass' ? <p className="field__hint">{t('enrol.issuingPost')}: <span className="mono">{post}</span></p> : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={!number.trim()}>
            {t('enrol.addDocument')}
          </button>
        </div>
      </form>
    </div>
  );
}
