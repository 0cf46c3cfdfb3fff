/** The frame of the pages shown before sign-in (login, first-run setup): product name, language, one card. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { PageHeading } from './PageHeading.js';

export function PublicFrame({ title, intro, children }: { readonly title: string; readonly intro?: ReactNode; readonly children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="public">
      <header className="public__header">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="public__card">
        <PageHeading title={title} intro={intro} takeFocus={false} />
        {children}
      </main>
    </div>
  );
}
