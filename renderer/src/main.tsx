import { embeddedBootstrap, withEarlyBootstrap } from './api/early-bootstrap';
import { getApi } from './api/get-api';
import { startLoading } from './app';
import { addLaterFonts, afterFirstScreenShown } from './i18n/later-fonts';
import { mountWhenLoaded } from './mount-app';
// Bundled fonts, so English, Spanish, Vietnamese and Arabic render the same on every kiosk, offline: the Latin faces
// here; the others once the first screen is on screen (i18n/later-fonts.ts).
import './styles/kiosk-fonts.css';
import './styles/app.css';
import './styles/kiosk.css';
import './styles/kiosk-layout.css';
// The kiosk's tools' styles, in the entry's stylesheet rather than a second one the kiosk's chunk would wait for.
import './styles/controls.css';
// Imported by both roles' chunks: in the entry (vite.config.ts puts every module it imports there), not a file of its own.
import '../../shared/request-rules';

// The browser host serves the page with its bootstrap in it: the first load uses that, with no round trip.
const api = withEarlyBootstrap(getApi(), embeddedBootstrap());
// First, before React mounts: the bootstrap, then the role's code and words, so the first paint waits on no chain.
const firstLoad = startLoading(api);

const container = document.getElementById('root');
if (container) void mountWhenLoaded(container, api, firstLoad);
void afterFirstScreenShown().then(() => addLaterFonts());
