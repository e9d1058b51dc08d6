import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/get-api';
import { App, startLoading } from './app';
// Bundled fonts, so English, Spanish, Vietnamese and Arabic render the same on every kiosk, offline.
import './styles/kiosk-fonts.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles/app.css';
import './styles/kiosk.css';
import './styles/kiosk-layout.css';

const api = getApi();
// First, before React mounts: ask for the bootstrap, then the role's code and words, so the first paint waits on no chain.
const firstLoad = startLoading(api);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={api} firstLoad={firstLoad} />
    </StrictMode>,
  );
}
