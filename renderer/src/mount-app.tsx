import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { LobbyApi } from '../../shared/contract';
import { App, type Loaded } from './app';

/**
 * Mounts the app into `container` once the first load has settled. Loaded,
 * the first render draws the first screen: one render and one commit (an
 * empty placeholder drawn first would cost a second commit before the first
 * paint, and show nothing a person could read). Rejected (say, a chunk that
 * cannot load even for the fallback), it mounts all the same, and the app
 * loads by itself or shows its error state, rather than leave the page blank.
 */
export function mountWhenLoaded(container: Element, api: LobbyApi, firstLoad: Promise<Loaded>): Promise<Root> {
  const mount = (initial?: Loaded) => {
    const root = createRoot(container);
    root.render(<StrictMode>{initial ? <App api={api} initial={initial} /> : <App api={api} />}</StrictMode>);
    return root;
  };
  return firstLoad.then(
    (initial) => mount(initial),
    () => mount(),
  );
}
