/**
 * The overstays report (GET /api/reports/overstays, audited): travellers whose latest cleared crossing up to a date
 * is an entry whose permitted stay has ended, longest first. Headquarters see every post, others their own posts.
 */
import { useState, type FormEvent } from 'react';
import { allPages, api } from '../../api/client.js';
import type { CrossingSummary, Post, StayBasis } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

interface Overstay {
  readonly travellerId: string;
  readonly surnameLatin: string;
  readonly givenNamesLatin: string;
  readonly nationality: string;
  readonly entry: CrossingSummary;
  readonly permitted: { readonly basis: StayBasis; readonly until: string | null };
  readonly daysOver: number;
}

export function OverstaysPage() {
  const { t } = useI18n();
  const [postsState] = useLoad(() => api<{ posts: Post[] }>('GET', '/api/posts').then((r) => r.posts), []);
  const [asOfInput, setAsOfInput] = useState('');
  const [postInput, setPostInput] = useState('');
  const [query, setQuery] = useState<{ asOf?: string; post?: string }>({});
  const [state] = useLoad(() => allPages<{ asOf: string; overstays: Overstay[] }>('/api/reports/overstays', 'overstays', query), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ ...(asOfInput.trim() ? { asOf: asOfInput.trim() } : {}), ...(postInput ? { post: postInput } : {}) });
  };

  const posts = postsState.status === 'done' ? postsState.data : [];
  return (
    <>
      <PageHeading title={t('overstays.title')} intro={t('overstays.intro')} />
      <form className="panel form form--inline" onSubmit={submit} noValidate aria-label={t('overstays.title')}>
        <TextField label={t('overstays.asOf')} hint={t('overstays.asOfHint')} type="date" value={asOfInput} onChange={(e) => setAsOfInput(e.target.value)} />
        <SelectField
          label={t('overstays.post')}
          value={postInput}
          onChange={(e) => setPostInput(e.target.value)}
          options={[{ value: '', label: t('overstays.allPosts') }, ...posts.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))]}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('overstays.show')}
          </button>
        </div>
      </form>
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.status === 'done' ? (
        <section className="panel" aria-labelledby="overstays-list">
          <h2 id="overstays-list">{t('overstays.asOfTitle', { date: state.data.asOf })}</h2>
          {state.data.overstays.length === 0 ? (
            <p role="status">{t('overstays.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('travellers.name')}</th>
                  <th scope="col">{t('travellers.nationality')}</th>
                  <th scope="col">{t('movements.entry')}</th>
                  <th scope="col">{t('movements.permitted')}</th>
                  <th scope="col">{t('overstays.daysOver')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.overstays.map((o) => (
                  <tr key={o.travellerId}>
                    <th scope="row">{`${o.surnameLatin}, ${o.givenNamesLatin}`}</th>
                    <td className="mono">{o.nationality}</td>
                    <td className="mono">{`${o.entry.localDate} ${o.entry.post}`}</td>
                    <td>
                      {t(`stay.${o.permitted.basis}`)}
                      {o.permitted.until ? <span className="mono"> · {t('movements.until', { date: o.permitted.until })}</span> : null}
                    </td>
                    <td>
                      <span className="badge badge--expired">{t('movements.overstayDays', { days: o.daysOver })}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
