/**
 * Retention settings (GET/PATCH /api/retention, administrators): the period of each data class, stored or the
 * configured default, within the bounds the server enforces (the audit log at least its legal minimum), with
 * "kept for ever" where a class allows it; and the latest purge runs with what each deleted. Changes are audited.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useI18n } from '../../i18n/i18n.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { errorText } from '../../components/errors.js';
import { useLoad } from '../../components/use-load.js';

type DataClass = 'unenrolled_travellers' | 'enrolled_travellers' | 'fingerprint_images' | 'audit_log';

interface RetentionSetting {
  readonly dataClass: DataClass;
  readonly days: number | null;
  readonly defaultDays: number | null;
  readonly min: number;
  readonly max: number;
  readonly foreverAllowed: boolean;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

interface RetentionRun {
  readonly id: string;
  readonly ranAt: string;
  readonly deleted: Readonly<Record<string, number>>;
  readonly auditSeq: number | null;
}

interface Retention {
  readonly settings: readonly RetentionSetting[];
  readonly runs: readonly RetentionRun[];
}

export function RetentionPage() {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  // Kept here: the form is rebuilt from the saved settings once they are read again.
  const [saved, setSaved] = useState(false);
  const [state] = useLoad(() => api<Retention>('GET', '/api/retention'), [reload]);
  return (
    <>
      <PageHeading title={t('retention.title')} intro={t('retention.intro')} />
      {state.status === 'error' ? <Notice tone="error">{errorText(t, state.error)}</Notice> : null}
      {state.status === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {saved ? <Notice tone="success">{t('retention.saved')}</Notice> : null}
      {state.status === 'done' ? (
        <>
          <SettingsForm key={state.data.settings.map((s) => s.updatedAt ?? '').join()} settings={state.data.settings} onSaved={() => {
              setSaved(true);
              setReload((n) => n + 1);
            }}
            onEdited={() => setSaved(false)} />
          <RunsTable runs={state.data.runs} />
        </>
      ) : null}
    </>
  );
}

function SettingsForm({
  settings,
  onSaved,
  onEdited,
}: {
  readonly settings: readonly RetentionSetting[];
  readonly onSaved: () => void;
  readonly onEdited: () => void;
}) {
  const { t, formatNumber, formatTime } = useI18n();
  const [days, setDays] = useState<Record<string, string>>(() => Object.fromEntries(settings.map((s) => [s.dataClass, s.days === null ? '' : String(s.days)])));
  const [forever, setForever] = useState<Record<string, boolean>>(() => Object.fromEntries(settings.map((s) => [s.dataClass, s.days === null])));
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    onEdited();
    const change: Record<string, number | null> = {};
    // Only the classes changed, so the others keep following the configured default.
    for (const s of settings) {
      const value = forever[s.dataClass] ? null : Number(days[s.dataClass]);
      if (value !== s.days) change[s.dataClass] = value;
    }
    try {
      await api('PATCH', '/api/retention', change);
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section className="panel" aria-labelledby="retention-settings">
      <h2 id="retention-settings">{t('retention.settingsTitle')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('retention.dataClass')}</th>
              <th scope="col">{t('retention.days')}</th>
              <th scope="col">{t('retention.bounds')}</th>
              <th scope="col">{t('retention.default')}</th>
              <th scope="col">{t('retention.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {settings.map((s) => {
              const label = t(`retention.class.${s.dataClass}`);
              return (
                <tr key={s.dataClass} data-class={s.dataClass}>
                  <th scope="row">{label}</th>
                  <td>
                    <input
                      type="number"
                      inputMode="numeric"
                      min={s.min}
                      max={s.max}
                      value={days[s.dataClass]}
                      disabled={forever[s.dataClass]}
                      aria-label={t('retention.daysOf', { dataClass: label })}
                      onChange={(e) => setDays({ ...days, [s.dataClass]: e.target.value })}
                    />
                    {s.foreverAllowed ? (
                      <label className="checkbox">
                        <input type="checkbox" checked={forever[s.dataClass]} onChange={(e) => setForever({ ...forever, [s.dataClass]: e.target.checked })} />
                        {t('retention.forever')}
                      </label>
                    ) : null}
                  </td>
                  <td className="mono">{t('retention.range', { min: formatNumber(s.min), max: formatNumber(s.max) })}</td>
                  <td>{s.defaultDays === null ? t('retention.keptForever') : t('retention.daysValue', { days: formatNumber(s.defaultDays) })}</td>
                  <td>{s.updatedAt ? `${formatTime(s.updatedAt)} · ${s.updatedBy ?? ''}` : t('retention.configured')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">{t('retention.imagesNote')}</p>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('retention.save')}
          </button>
        </div>
      </form>
      {error !== undefined ? <Notice tone="error">{errorText(t, error)}</Notice> : null}
    </section>
  );
}

const DELETED_KINDS = [
  'unidentifiedCrossings',
  'unenrolledTravellers',
  'unenrolledTravellerCrossings',
  'enrolledTravellers',
  'enrolledFingerprints',
  'enrolledTravellerCrossings',
  'auditEntries',
] as const;

function RunsTable({ runs }: { readonly runs: readonly RetentionRun[] }) {
  const { t, formatNumber, formatTime } = useI18n();
  return (
    <section className="panel" aria-labelledby="retention-runs">
      <h2 id="retention-runs">{t('retention.runsTitle')}</h2>
      {runs.length === 0 ? (
        <p role="status">{t('retention.noRuns')}</p>
      ) : (
        // Seven counts a run: the table scrolls sideways inside the panel (by keyboard too) on a narrow screen.
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby="retention-runs">
        <table className="table table--compact" data-testid="retention-runs">
          <thead>
            <tr>
              <th scope="col">{t('retention.ranAt')}</th>
              {DELETED_KINDS.map((k) => (
                <th scope="col" key={k}>
                  {t(`retention.deleted.${k}`)}
                </th>
              ))}
              <th scope="col">{t('retention.auditEntry')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <th scope="row">{formatTime(run.ranAt)}</th>
                {DELETED_KINDS.map((k) => (
                  <td key={k}>{formatNumber(run.deleted[k] ?? 0)}</td>
                ))}
                <td className="mono">{run.auditSeq === null ? '—' : `#${run.auditSeq}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
