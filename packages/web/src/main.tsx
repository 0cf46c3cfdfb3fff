/** Entry point: providers (language, router, session) around the application. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n.js';
import { RouterProvider } from './routes/router.js';
import { SessionProvider } from './features/session/session.js';
import { App } from './routes/App.js';
// Urdu is set in Noto Nastaliq Urdu, bundled so every machine renders ہ ے ۔ the same (a post's PC may have no
// Urdu font); only the Arabic-script subset is loaded, and only when a page uses it.
import '@fontsource/noto-nastaliq-urdu/arabic-400.css';
import '@fontsource/noto-nastaliq-urdu/arabic-700.css';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  </StrictMode>,
);
