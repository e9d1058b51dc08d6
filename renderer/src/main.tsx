import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as configureZod } from 'zod';
import { getApi } from './api/get-api';
import { App } from './app';
// Bundled fonts, so English, Spanish, Vietnamese and Arabic render the same on every kiosk, offline.
import './styles/kiosk-fonts.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles/app.css';
import './styles/kiosk.css';

// Schemas in shared/ (loaded with the keyboard and the desk) would otherwise probe for eval with
// `new Function`, which this page's CSP refuses and reports, caught or not. Set before any schema is built:
// every module that builds one is in a chunk loaded later than this entry.
configureZod({ jitless: true });

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={getApi()} />
    </StrictMode>,
  );
}
