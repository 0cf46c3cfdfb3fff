/**
 * Browsing one stored watchlist version (GET /api/watchlists/versions/:id/entries): its entries in list order, a
 * page at a time, with a search that keeps the entries whose record contains a text (a name, an alias, a number).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, withQuery } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { errorText } from '../../components/errors.js';

/** Entries per page. */
const PAGE = 50;

interface Entry {
  readonly id: string;
  readonly kind: string;
  readonly names: readonly { readonly full: string; readonly kind: string }[];
  readonly nationalities: readonly string[];
  readonly documents: readonly { readonly kind: string; readonly number: string; readonly country?: string }[];
}

export function EntriesBrowser({ versionId }: { readonly versionId: string }) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);

  const load = async (cursor: string | null, replace: boolean) => {
    setLoading(true);
    setError(undefined);
    // A new search never shows the previous one's entries as if they were its answer.
    if (replace) setEntries([]);
    try {
      const page = await api<{ entries: Entry[]; nextCursor: string | null }>(
        'GET',
        withQuery(`/api/watchlists/versions/${encodeURIComponent(versionId)}/entries`, { limit: String(PAGE), q: q || undefined, cursor: cursor ?? undefined }),
      );
      setEntries((previous) => (replace ? page.entries : [...previous, ...page.entries]));
      setNext(page.nextCursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load(null, true);
    // A new version or search starts again from the first page.
  }, [versionId, q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(input.trim());
  };

  return (
    <section className="panel" aria-labelledby="watchlist-entries" data-testid="watchlist-entries">
      <h2 id="watchlist-entries">{t('watchlists.entriesTitle', { version: versionId })}</h2>
      <form className="form form--inline" onSubmit={submit} noValidate role="search" aria-label={t('watchlists.entriesSearch')}>
        <TextField label={t('watchlists.entriesSearch')} hint={t('watchlists.entriesSearchHint')} value={input} onChange={(e) => setInput(e.target.value)} />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('watchlists.find')}
          </button>
        </div>
      </form>
      {error !== undefined ? <Notice tone="error">{errorText(t, error)}</Notice> : null}
      {!loading && entries.length === 0 && error === undefined ? <p role="status">{t('watchlists.noEntries')}</p> : null}
      {entries.length > 0 ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('watchlists.entryId')}</th>
              <th scope="col">{t('watchlists.entryName')}</th>
              <th scope="col">{t('watchlists.entryAliases')}</th>
              <th scope="col">{t('flows.nationality')}</th>
              <th scope="col">{t('watchlists.entryDocuments')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row" className="mono">
                  {e.id}
                </th>
                <td>{e.names.find((n) => n.kind === 'primary')?.full ?? e.names[0]?.full ?? ''}</td>
                <td>
                  {e.names
                    .filter((n) => n.kind !== 'primary')
                    .map((n) => n.full)
                    .join(' · ')}
                </td>
                <td className="mono">{e.nationalities.join(', ')}</td>
                <td className="mono">{e.documents.map((d) => `${d.number}${d.country ? ` (${d.country})` : ''}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {loading ? <p role="status">{t('app.loading')}</p> : null}
      {next && !loading ? (
        <button type="button" className="button" onClick={() => void load(next, false)}>
          {t('watchlists.more')}
        </button>
      ) : null}
    </section>
  );
}
