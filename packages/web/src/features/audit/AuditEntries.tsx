/**
 * Reading the audit log: the latest entries page by page, or every entry about one subject (`traveller:<id>`: who
 * looked at this person; `user:<id>`: what happened to this account). Reading is itself audited by the server.
 */
import { useState, type FormEvent } from 'react';
import { api, withQuery } from '../../api/client.js';
import type { AuditEntry } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

/** Entries per page. */
const PAGE = 50; // entries

export function AuditEntries({ headSeq }: { readonly headSeq: number }) {
  const { t, formatTime } = useI18n();
  const [subjectInput, setSubjectInput] = useState('');
  const [subject, setSubject] = useState<string>();
  const latestStart = Math.max(0, headSeq - PAGE);
  const [after, setAfter] = useState(latestStart);
  const [state] = useLoad(
    () => api<{ entries: AuditEntry[] }>('GET', withQuery('/api/audit/entries', { after: String(after), limit: String(PAGE), subject })).then((r) => r.entries),
    [after, subject],
  );

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const value = subjectInput.trim();
    setSubject(value || undefined);
    setAfter(value ? 0 : latestStart);
  };

  const entries = state.status === 'done' ? state.data : [];
  return (
    <section className="panel" aria-labelledby="audit-entries">
      <h2 id="audit-entries">{t('audit.entriesTitle')}</h2>
      <form className="form form--inline" onSubmit={filter} noValidate role="search" aria-label={t('audit.entriesTitle')}>
        <TextField
          label={t('audit.subject')}
          hint={t('audit.subjectHint')}
          value={subjectInput}
          onChange={(e) => setSubjectInput(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t('audit.filter')}
          </button>
        </div>
      </form>
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.status === 'done' && entries.length === 0 ? <p>{t('audit.noEntries')}</p> : null}
      {entries.length ? (
        <table className="table table--dense">
          <caption className="table__caption">
            {t('audit.showing', { first: entries[0]!.seq, last: entries[entries.length - 1]!.seq })}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.post')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq}>
                <td className="mono">{e.seq}</td>
                <td>{formatTime(e.time)}</td>
                <td className="mono wrap-anywhere" title={e.actor}>
                  {e.actor}
                </td>
                <td className="mono">{e.action}</td>
                <td className="mono wrap-anywhere" title={e.subject ?? ''}>
                  {e.subject ?? '—'}
                </td>
                <td className="mono">{e.post ?? '—'}</td>
                <td className="mono wrap-anywhere" title={JSON.stringify(e.details)}>
                  {Object.keys(e.details).length ? JSON.stringify(e.details) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button" disabled={after === 0} onClick={() => setAfter(Math.max(0, after - PAGE))}>
          {t('audit.earlier')}
        </button>
        <button type="button" className="button" disabled={entries.length < PAGE} onClick={() => setAfter(entries[entries.length - 1]!.seq)}>
          {t('audit.later')}
        </button>
      </div>
    </section>
  );
}
