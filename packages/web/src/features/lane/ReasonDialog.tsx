/**
 * The reason asked for a referral, a refusal or a fingerprint exception: a short list of the usual reasons (first
 * one ticked, arrow keys move, Enter records) and free text, in a modal <dialog> so focus stays inside and Escape
 * cancels (the browser's own behaviour). The reason sent is the listed reason, plus the details when written;
 * "Other" needs the details.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../i18n/messages-en.js';
import { useI18n } from '../../i18n/i18n.js';

export const DIALOG_KINDS = ['clear', 'refer', 'refuse', 'unable'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

/** The listed reasons per dialog; "other" is always last. */
const REASONS: Readonly<Record<DialogKind, readonly string[]>> = {
  clear: ['checked', 'other'],
  refer: ['watchlist', 'identity', 'document', 'behaviour', 'goods', 'other'],
  refuse: ['entryBan', 'invalidDocument', 'forged', 'impostor', 'other'],
  unable: ['worn', 'injury', 'missing', 'scanner', 'other'],
};

/** Shortest reason the server takes: 3 characters for decisions, 5 for an inability to capture. */
const MIN_REASON: Readonly<Record<DialogKind, number>> = { clear: 3, refer: 3, refuse: 3, unable: 5 };

interface ReasonDialogProps {
  readonly kind: DialogKind;
  readonly busy: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}

export function ReasonDialog({ kind, busy, onConfirm, onCancel }: ReasonDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState(REASONS[kind][0]!);
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string>();
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    firstRadio.current?.focus();
    return () => dialog.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = details.trim();
    const min = MIN_REASON[kind];
    if (choice === 'other' && text.length < min) {
      setError(t('lane.dialog.needDetails', { min }));
      return;
    }
    // The listed reason is recorded in English, as the decision log is read across both sides of the border.
    const listed = choice === 'other' ? '' : ENGLISH_REASONS[choice]!;
    onConfirm([listed, text].filter(Boolean).join(': '));
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        onSubmit={submit}
        noValidate
        onKeyDown={(event) => {
          // Enter on a listed reason records it, as Enter in the details field does.
          if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        <h2 id={`${id}-title`}>{t(`lane.dialog.${kind}`)}</h2>
        <fieldset>
          <legend>{t('lane.dialog.reason')}</legend>
          {REASONS[kind].map((r, i) => (
            <label key={r} className="radio-row">
              <input ref={i === 0 ? firstRadio : undefined} type="radio" name="reason" value={r} checked={choice === r} onChange={() => setChoice(r)} />
              <span>{t(`lane.why.${r}` as MessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <div className={error ? 'field field--invalid' : 'field'}>
          <label htmlFor={`${id}-details`}>{t('lane.dialog.details')}</label>
          <p className="field__hint" id={`${id}-hint`}>
            {t('lane.dialog.detailsHint')}
          </p>
          <input
            id={`${id}-details`}
            value={details}
            maxLength={500}
            autoComplete="off"
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setDetails(e.target.value);
              setError(undefined);
            }}
          />
          {error ? (
            <p className="field__error" id={`${id}-error`} role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          <button type="submit" className={kind === 'refuse' ? 'button button--danger' : 'button button--primary'} disabled={busy}>
            {t('lane.dialog.confirm')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('lane.dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The listed reasons as recorded. */
const ENGLISH_REASONS: Readonly<Record<string, string>> = {
  checked: 'Checked at the counter: the concern is resolved',
  watchlist: 'Watchlist hit to examine',
  identity: 'Identity not confirmed',
  document: 'Document problem',
  behaviour: 'Behaviour or declaration to examine',
  goods: 'Goods or baggage to examine',
  entryBan: 'Entry ban or removal order',
  invalidDocument: 'No valid travel document',
  forged: 'Forged or altered document',
  impostor: 'Person is not the document holder',
  worn: 'Worn or damaged fingertips',
  injury: 'Injury or bandage',
  missing: 'Missing fingers',
  scanner: 'Scanner not working',
};
