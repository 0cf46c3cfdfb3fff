/**
 * A possible duplicate enrolment (GET /api/adjudications/:id, an audited read): what was submitted beside each
 * candidate the fingers matched, with the fused score. The supervisor decides "same person as <candidate>" (nothing
 * is created) or "different people" (the enrolment goes ahead), with a written reason; the decision is final.
 */
import { useState, type FormEvent } from 'react';
import { getCase, resolveCase, type CaseDecision, type CaseTraveller } from '../../api/supervisor.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { dateTimeAtPost } from '../dashboard/post-choice.js';
import { TextAreaField } from './TextAreaField.js';

const MIN_REASON = 10; // characters, as the server requires

function Person({ person, title, submitted }: { readonly person: CaseTraveller | null; readonly title: string; readonly submitted?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={submitted ? 'supervisor__person supervisor__person--submitted' : 'supervisor__person'}>
      <h4>{title}</h4>
      {person ? (
        <dl className="facts">
          <dt>{t('supervisor.name')}</dt>
          <dd>
            {`${person.surnameLatin}, ${person.givenNamesLatin}`}
            {person.surnameOriginal || person.givenNamesOriginal ? (
              <>
                <br />
                <span lang="ps">{[person.givenNamesOriginal, person.surnameOriginal].filter(Boolean).join(' ')}</span>
              </>
            ) : null}
          </dd>
          <dt>{t('supervisor.birthDate')}</dt>
          <dd className="mono">{person.birthDate}</dd>
          <dt>{t('supervisor.nationality')}</dt>
          <dd className="mono">{person.nationality}</dd>
        </dl>
      ) : (
        <p className="muted">{t('supervisor.caseMoreFingers')}</p>
      )}
    </div>
  );
}

export function CaseReview({ id, timeZone, onChanged }: { readonly id: string; readonly timeZone: string | undefined; onChanged(): void }) {
  const { t, language } = useI18n();
  const at = (iso: string) => dateTimeAtPost(iso, timeZone, language === 'ur' ? 'ur-PK' : 'en-GB');
  const [state, reload] = useLoad(() => getCase(id), [id]);
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ choice?: string; reason?: string; form?: string }>({});
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <Notice tone="error">{errorText(t, state.error)}</Notice>;
  const { case: c, candidateTravellers, traveller } = state.data;
  const submitted = c.submitted.traveller ?? traveller;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!choice) found.choice = t('supervisor.chooseDecision');
    if (reason.trim().length < MIN_REASON) found.reason = t('supervisor.reasonTooShort', { min: MIN_REASON });
    setErrors(found);
    if (found.choice || found.reason) return;
    const decision: CaseDecision = choice === 'different' ? { decision: 'different_people', reason: reason.trim() } : { decision: 'same_person', travellerId: choice, reason: reason.trim() };
    setBusy(true);
    try {
      await resolveCase(c.id, decision);
      setDone(t(decision.decision === 'same_person' ? 'supervisor.caseSameDone' : 'supervisor.caseDifferentDone'));
      reload();
      onChanged();
    } catch (failure) {
      setErrors({ form: errorText(t, failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="case-title">
      <div className="panel__head">
        <h2 id="case-title">{t('supervisor.caseTitle', { time: at(c.createdAt) })}</h2>
        <span className="badge badge--queue-duplicate">{t(c.status === 'open' ? 'supervisor.caseOpen' : 'supervisor.caseResolved')}</span>
      </div>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <p>{t(c.kind === 'new_traveller' ? 'supervisor.caseIntroNew' : 'supervisor.caseIntroMore')}</p>
      <div className="supervisor__compare">
        <Person person={submitted} title={t('supervisor.submitted')} submitted />
        {c.candidates.map((candidate) => (
          <Person
            key={candidate.travellerId}
            person={candidateTravellers.find((p) => p.id === candidate.travellerId) ?? null}
            title={t('supervisor.candidate', { score: candidate.score.toFixed(1) })}
          />
        ))}
      </div>
      {c.status === 'open' ? (
        <form className="form form--inline-end" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="case-decision-title">
          <h3 id="case-decision-title">{t('supervisor.caseDecide')}</h3>
          {errors.form ? <Notice tone="error">{errors.form}</Notice> : null}
          <fieldset className={errors.choice ? 'field--invalid' : undefined} aria-describedby={errors.choice ? 'case-choice-error' : undefined}>
            <legend>{t('supervisor.decision')}</legend>
            {c.candidates.map((candidate) => {
              const p = candidateTravellers.find((x) => x.id === candidate.travellerId);
              return (
                <label key={candidate.travellerId} className="radio-row">
                  <input type="radio" name="case-decision" value={candidate.travellerId} checked={choice === candidate.travellerId} onChange={() => setChoice(candidate.travellerId)} />
                  {t('supervisor.samePerson', { name: p ? `${p.surnameLatin}, ${p.givenNamesLatin}` : candidate.travellerId })}
                </label>
              );
            })}
            <label className="radio-row">
              <input type="radio" name="case-decision" value="different" checked={choice === 'different'} onChange={() => setChoice('different')} />
              {t('supervisor.differentPeople')}
            </label>
          </fieldset>
          {errors.choice ? (
            <p className="field__error" id="case-choice-error">
              {errors.choice}
            </p>
          ) : null}
          <TextAreaField label={t('supervisor.reason')} hint={t('supervisor.reasonHint', { min: MIN_REASON })} value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('supervisor.caseSubmit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
