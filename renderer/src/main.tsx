import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { withEarlyBootstrap } from './api/early-bootstrap';
import { getApi } from './api/get-api';
import { App, startLoading } from './app';
// Bundled fonts, so English, Spanish, Vietnamese and Arabic render the same on every kiosk, offline.
import './styles/kiosk-fonts.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles/app.css';
import './styles/kiosk.css';
import './styles/kiosk-layout.css';

// The bootstrap was asked for by index.html already (browser host); its answer is used for the first load.
const api = withEarlyBootstrap(getApi(), window.lobbyEarlyBootstrap);
// First, before React mounts: the bootstrap, then the role's code and words, so the first paint waits on no chain.
const firstLoad = startLoading(api);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App api={api} firstLoad={firstLoad} />
    </StrictMode>,
  );
}
