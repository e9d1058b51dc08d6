import type { ReadyBootstrap } from '../../../shared/bootstrap';
import { useDocumentLanguage } from '../common/use-document-language';
import { WelcomeScreen } from './welcome-screen';

/** The public kiosk. The foundation has one screen; the full flow builds on it. */
export function KioskApp({ bootstrap }: { bootstrap: ReadyBootstrap }) {
  useDocumentLanguage(bootstrap.languages);
  return <WelcomeScreen bootstrap={bootstrap} />;
}
