/**
 * The watchlist manager's page: import a new version of a list (UN consolidated XML, OFAC's SDN set of CSV files
 * chosen together, or a national stop-list CSV) with the upload's progress and then the change report the import
 * returns (added, removed, changed, unchanged), and the stored versions of every list. A malformed file is refused
 * whole by the server, and its message names the file and line where it broke.
 */
import { useId, useState, type FormEvent } from 'react';
import { allPages } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { ofacParts, sendImport, uploadBody, type ImportResult, type ListFormat, type StoredVersion, type UploadPhase } from './upload.js';
import { EntriesBrowser } from './EntriesBrowser.js';
import '../analyst/analyst.css';

export function WatchlistsPage() {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const [browsing, setBrowsing] = useState<string | undefined>();
  // Every version (a few a month per list), newest first in the table.
  const [versions] = useLoad(() => allPages<{ versions: StoredVersion[] }>('/api/watchlists/versions', 'versions').then((r) => r.versions), [reload]);
  return (
    <>
      <PageHeading title={t('watchlists.title')} intro={t('watchlists.intro')} />
      <ImportForm onImported={() => setReload((n) => n + 1)} />
      <section className="panel" aria-labelledby="watchlist-versions">
        <h2 id="watchlist-versions">{t('watchlists.versionsTitle')}</h2>
        {versions.status === 'error' ? <Notice tone="error">{errorText(t, versions.error)}</Notice> : null}
        {versions.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
        {versions.status === 'done' ? <VersionsTable versions={versions.data} onBrowse={setBrowsing} /> : null}
      </section>
      {browsing ? <EntriesBrowser versionId={browsing} /> : null}
    </>
  );
}

function ImportForm({ onImported }: { readonly onImported: () => void }) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ListFormat>('csv');
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | undefined>();
  const [phase, setPhase] = useState<UploadPhase | undefined>();
  const [result, setResult] = useState<ImportResult | undefined>();
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    setError(undefined);
    if (files.length === 0) {
      setFileError(t('watchlists.fileRequired'));
      return;
    }
    if (format === 'ofac') {
      const { missing } = ofacParts(files);
      if (missing.length > 0) {
        setFileError(t('watchlists.ofacMissing', { files: missing.join(', ') }));
        return;
      }
    }
    setFileError(undefined);
    try {
      setPhase({ phase: 'reading' });
      const body = await uploadBody(format, files);
      setResult(await sendImport(body, setPhase));
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setPhase(undefined);
    }
  };

  const progress =
    phase?.phase === 'reading'
      ? t('watchlists.reading')
      : phase?.phase === 'uploading'
        ? t('watchlists.uploading', { percent: phase.percent })
        : phase?.phase === 'processing'
          ? t('watchlists.processing')
          : '';
  return (
    <section className="panel" aria-labelledby="watchlist-import">
      <h2 id="watchlist-import">{t('watchlists.importTitle')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-busy={phase !== undefined}>
        <SelectField
          label={t('watchlists.format')}
          value={format}
          onChange={(e) => {
            setFormat(e.target.value as ListFormat);
            setFiles([]);
          }}
          options={[
            { value: 'csv', label: t('watchlists.formatCsv') },
            { value: 'un', label: t('watchlists.formatUn') },
            { value: 'ofac', label: t('watchlists.formatOfac') },
          ]}
        />
        <TextField
          key={format}
          label={format === 'ofac' ? t('watchlists.ofacFiles') : t('watchlists.file')}
          hint={format === 'ofac' ? t('watchlists.ofacFilesHint') : undefined}
          error={fileError}
          type="file"
          multiple={format === 'ofac'}
          accept={format === 'un' ? '.xml,application/xml,text/xml' : '.csv,text/csv'}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
          data-testid="watchlist-file"
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={phase !== undefined}>
            {t('watchlists.import')}
          </button>
        </div>
        <p role="status" aria-live="polite" data-testid="watchlist-progress">
          {progress}
        </p>
        {phase?.phase === 'uploading' ? <progress max={100} value={phase.percent} aria-label={progress} /> : null}
      </form>
      {error !== undefined ? <Notice tone="error">{errorText(t, error)}</Notice> : null}
      {result ? <ChangeReport result={result} /> : null}
    </section>
  );
}

function ChangeReport({ result }: { readonly result: ImportResult }) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  const { added, removed, changed, unchangedCount } = result.changes;
  const list = (ids: readonly string[], testId: string) =>
    ids.length === 0 ? (
      <p className="muted">{t('watchlists.none')}</p>
    ) : (
      <ul data-testid={testId}>
        {ids.map((id) => (
          <li key={id} className="mono">
            {id}
          </li>
        ))}
      </ul>
    );
  return (
    <div aria-labelledby={headingId} role="region" data-testid="watchlist-report">
      <Notice tone={result.saved ? 'success' : 'info'}>
        {result.saved
          ? t('watchlists.saved', { version: result.version.id, entries: formatNumber(result.version.entryCount) })
          : t('watchlists.unchanged', { version: result.version.id })}
      </Notice>
      <h3 id={headingId}>{t('watchlists.changesTitle')}</h3>
      <div className="watchlist-changes">
        <div>
          <h4>{t('watchlists.added', { count: formatNumber(added.length) })}</h4>
          {list(added, 'watchlist-added')}
        </div>
        <div>
          <h4>{t('watchlists.removed', { count: formatNumber(removed.length) })}</h4>
          {list(removed, 'watchlist-removed')}
        </div>
        <div>
          <h4>{t('watchlists.changed', { count: formatNumber(changed.length) })}</h4>
          {list(
            changed.map((c) => (c.fields && c.fields.length > 0 ? `${c.id} (${c.fields.join(', ')})` : c.id)),
            'watchlist-changed',
          )}
        </div>
      </div>
      <p>{t('watchlists.unchangedCount', { count: formatNumber(unchangedCount) })}</p>
      {result.notes.length > 0 ? (
        <details>
          <summary>{t('watchlists.notes')}</summary>
          <ul>
            {result.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function VersionsTable({ versions, onBrowse }: { readonly versions: readonly StoredVersion[]; readonly onBrowse: (id: string) => void }) {
  const { t, formatNumber, formatTime } = useI18n();
  if (versions.length === 0) return <p role="status">{t('watchlists.noVersions')}</p>;
  return (
    <table className="table" data-testid="watchlist-versions">
      <thead>
        <tr>
          <th scope="col">{t('watchlists.version')}</th>
          <th scope="col">{t('watchlists.source')}</th>
          <th scope="col">{t('watchlists.entries')}</th>
          <th scope="col">{t('watchlists.publishedAt')}</th>
          <th scope="col">{t('watchlists.importedAt')}</th>
          <th scope="col">{t('watchlists.contentHash')}</th>
          <th scope="col">{t('watchlists.entriesColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {[...versions].reverse().map((v) => (
          <tr key={v.id}>
            <th scope="row" className="mono">
              {v.id}
            </th>
            <td>{v.source}</td>
            <td>{formatNumber(v.entryCount)}</td>
            <td className="mono">{v.generatedOn ?? '—'}</td>
            <td>{formatTime(v.savedAt)}</td>
            <td className="mono" title={v.contentHash}>
              {v.contentHash.slice(0, 12)}
            </td>
            <td>
              <button type="button" className="button" onClick={() => onBrowse(v.id)} aria-label={t('watchlists.browseVersion', { version: v.id })}>
                {t('watchlists.browse')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
