import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { embeddedBootstrap, withEarlyBootstrap } from './api/early-bootstrap';
import { getApi } from './api/get-api';
import { App, startLoading } from './app';
// Bundled fonts, so English, Spanish, Vietnamese and Arabic render the same on every kiosk, offline.
import './styles/kiosk-fonts.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles/app.css';
import './styles/kiosk.css';
import './styles/kiosk-layout.css';

// The browser host serves the page with its bootstrap in it: the first load uses that, with no round trip.
const api = withEarlyBootstrap(getApi(), embeddedBootstrap());
// First, before React mounts: the bootstrap, then the role's code and words, so the first paint waits on no chain.
const firstLoad = startLoading(api);

const container = document.getElementById('root');
if (container) {
  // Mounted once everything is in hand: one render and one commit draw the first screen (an empty placeholder
  // drawn first would cost a second commit before the first paint, and show nothing a person could read).
  void firstLoad.then((initial) =>
    createRoot(container).render(
      <StrictMode>
        <App api={api} initial={initial} />
      </StrictMode>,
    ),
  );
}
