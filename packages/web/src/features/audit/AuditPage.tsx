/**
 * The auditor's page: verification of the whole audit chain (GET /api/audit/verify recomputes every SHA-256 link)
 * and the export of a checkpoint (GET /api/audit/checkpoint) to keep outside the system, which
 * `sarhad audit verify --checkpoint file` later checks.
 */
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { AuditCheckpoint, AuditVerification } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';
import { AuditEntries } from './AuditEntries.js';

export function AuditPage() {
  const { t, formatTime, formatNumber } = useI18n();
  const [state, reload] = useLoad(
    () => api<AuditVerification>('GET', '/api/audit/verify').then((result) => ({ result, checkedAt: new Date().toISOString() })),
    [],
  );
  const [exported, setExported] = useState<string>();
  const [exportError, setExportError] = useState<string>();

  const download = async () => {
    setExportError(undefined);
    setExported(undefined);
    try {
      const { checkpoint } = await api<{ checkpoint: AuditCheckpoint }>('GET', '/api/audit/checkpoint');
      const file = `sarhad-audit-checkpoint-${checkpoint.seq}.json`;
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(checkpoint, null, 2)}\n`], { type: 'application/json' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = file;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
      setExported(t('audit.downloaded', { seq: checkpoint.seq, file }));
    } catch (e) {
      setExportError(errorText(t, e));
    }
  };

  return (
    <>
      <PageHeading title={t('audit.title')} intro={t('audit.intro')} />
      <section className="panel" aria-labelledby="audit-status" aria-busy={state.status === 'loading'}>
        <div className="panel__head">
          <h2 id="audit-status">{t('audit.verification')}</h2>
          <button type="button" className="button" onClick={reload} disabled={state.status === 'loading'}>
            {t('audit.verify')}
          </button>
        </div>
        {state.status === 'loading' ? <p role="status">{t('audit.verifying')}</p> : null}
        {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
        {state.status === 'done' ? (
          state.data.result.ok ? (
            <>
              <Notice tone="success">
                <span data-testid="audit-verdict">{t('audit.verified', { entries: state.data.result.entries })}</span>
              </Notice>
              <dl className="facts facts--grid">
                <dt>{t('audit.entries')}</dt>
                <dd>{formatNumber(state.data.result.entries)}</dd>
                <dt>{t('audit.head')}</dt>
                <dd className="mono">#{state.data.result.head.seq}</dd>
                <dt>{t('audit.headHash')}</dt>
                <dd className="mono hash">{state.data.result.head.hash}</dd>
                <dt>{t('audit.headTime')}</dt>
                <dd>{formatTime(state.data.result.head.time)}</dd>
                <dt>{t('audit.checkedAt')}</dt>
                <dd>{formatTime(state.data.checkedAt)}</dd>
              </dl>
            </>
          ) : (
            <Notice tone="error">
              <span data-testid="audit-verdict">
                {t('audit.broken', { seq: state.data.result.brokenAt, reason: state.data.result.reason, message: state.data.result.message })}
              </span>
            </Notice>
          )
        ) : null}
      </section>
      {state.status === 'done' ? <AuditEntries headSeq={state.data.result.ok ? state.data.result.head.seq : state.data.result.entries} /> : null}
      <section className="panel" aria-labelledby="audit-checkpoint">
        <h2 id="audit-checkpoint">{t('audit.checkpoint')}</h2>
        <p>{t('audit.checkpointIntro')}</p>
        {exported ? <Notice tone="success">{exported}</Notice> : null}
        {exportError ? <Notice tone="error">{exportError}</Notice> : null}
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => void download()}>
            {t('audit.download')}
          </button>
        </div>
      </section>
    </>
  );
}
