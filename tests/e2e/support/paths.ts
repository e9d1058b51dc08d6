import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: resources/ and dist/renderer/ are found from here. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the built renderer must be before the browser host can serve it. */
export const rendererIndex = path.join(repoRoot, 'dist', 'renderer', 'index.html');
