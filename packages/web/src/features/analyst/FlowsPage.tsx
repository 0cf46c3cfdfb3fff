/**
 * The analyst's crossing flows (GET /api/reports/flows, audited): for a range of dates at each post the analyst
 * may see, crossings by day and by hour as bar charts (each with its table), by nationality and document type as
 * tables, all split by direction, and the same report as a CSV download. The page opens on the last week.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { DOCUMENT_TYPES, type DocumentType, type Post } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { SelectField, TextField } from '../../components/Field.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { FlowChart, FlowTable } from './FlowChart.js';
import { DEFAULT_RANGE_DAYS, daysBefore, flowsCsvUrl, flowsUrl, latestDateToday, type FlowQuery, type FlowReport, type PostFlows } from './flows.js';
import './analyst.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function FlowsPage() {
  const { t } = useI18n();
  const [postsState] = useLoad(() => api<{ posts: Post[] }>('GET', '/api/posts').then((r) => r.posts), []);
  const [toInput, setToInput] = useState(() => latestDateToday(new Date()));
  const [fromInput, setFromInput] = useState(() => daysBefore(toInput, DEFAULT_RANGE_DAYS - 1));
  const [postInput, setPostInput] = useState('');
  const [rangeError, setRangeError] = useState<string | undefined>();
  const [query, setQuery] = useState<FlowQuery>({ from: fromInput, to: toInput });
  const [state] = useLoad(() => api<FlowReport>('GET', flowsUrl(query)), [query]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!DATE.test(fromInput) || !DATE.test(toInput) || fromInput > toInput) {
      setRangeError(t('flows.rangeInvalid'));
      return;
    }
    setRangeError(undefined);
    setQuery({ from: fromInput, to: toInput, ...(postInput ? { post: postInput } : {}) });
  };

  const posts = postsState.status === 'done' ? postsState.data : [];
  return (
    <>
      <PageHeading title={t('flows.title')} intro={t('flows.intro')} />
      <form className="panel form form--inline" onSubmit={submit} noValidate aria-label={t('flows.title')}>
        <TextField label={t('flows.from')} hint={t('flows.rangeHint')} type="date" value={fromInput} onChange={(e) => setFromInput(e.target.value)} error={rangeError} />
        <TextField label={t('flows.to')} type="date" value={toInput} onChange={(e) => setToInput(e.target.value)} />
        <SelectField
          label={t('flows.post')}
          value={postInput}
          onChange={(e) => setPostInput(e.target.value)}
          options={[{ value: '', label: t('flows.allPosts') }, ...posts.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))]}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('flows.show')}
          </button>
          <a className="button" href={flowsCsvUrl(query)} download title={t('flows.exportHint')} data-testid="flows-export">
            {t('flows.exportCsv')}
          </a>
        </div>
      </form>
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {state.status === 'done' ? state.data.posts.map((post) => <PostFlowsView key={post.post} flows={post} />) : null}
    </>
  );
}

function PostFlowsView({ flows }: { readonly flows: PostFlows }) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  const nationality = (key: string) => (key === 'unknown' ? t('flows.unknown') : key);
  const documentType = (key: string) =>
    (DOCUMENT_TYPES as readonly string[]).includes(key) ? t(`document.${key as DocumentType}`) : key === 'none' ? t('flows.noDocument') : key;
  const plain = (key: string) => key;
  return (
    <section className="panel flows" aria-labelledby={headingId} data-post={flows.post}>
      <h2 id={headingId}>{t('flows.postTitle', { post: flows.post, name: flows.name, timeZone: flows.timeZone })}</h2>
      <p className="flows__totals" data-testid="flows-totals">
        {t('flows.totals', { total: formatNumber(flows.totals.total), in: formatNumber(flows.totals.in), out: formatNumber(flows.totals.out) })}
      </p>
      <h3>{t('flows.byDay')}</h3>
      <FlowChart buckets={flows.byDay} keyHeading={t('flows.day')} label={(key) => key.slice(5)} testId="flows-by-day" />
      <h3>{t('flows.byHour')}</h3>
      <FlowChart buckets={flows.byHour} keyHeading={t('flows.hour')} label={plain} testId="flows-by-hour" />
      <div className="flows__tables">
        <div>
          <h3>{t('flows.byNationality')}</h3>
          <FlowTable buckets={flows.byNationality} keyHeading={t('flows.nationality')} label={nationality} />
        </div>
        <div>
          <h3>{t('flows.byDocumentType')}</h3>
          <FlowTable buckets={flows.byDocumentType} keyHeading={t('flows.documentType')} label={documentType} mono={false} />
        </div>
      </div>
    </section>
  );
}
