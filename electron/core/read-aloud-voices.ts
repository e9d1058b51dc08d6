import type { LanguageInfo } from '../../shared/bootstrap.js';
import type { Logger } from './logger.js';

/**
 * Logs which screen languages this machine can read aloud. The kiosk hides
 * its read-aloud button for a language without a voice, so a missing voice
 * is otherwise invisible: on Linux it usually means a speech-dispatcher
 * voice is not installed (docs/install.md, "Read-aloud on Linux").
 * `withVoice` comes from the renderer; only screen languages are kept.
 */
export function logReadAloudVoices(logger: Logger, screenLanguages: readonly LanguageInfo[], withVoice: readonly string[]): void {
  const voiced = new Set(withVoice.map((code) => code.split('-')[0]));
  const codes = screenLanguages.map((language) => language.code);
  const spoken = codes.filter((code) => voiced.has(code.split('-')[0]));
  const silent = codes.filter((code) => !spoken.includes(code));
  const fields = { withVoice: spoken.join(',') || 'none', withoutVoice: silent.join(',') || 'none' };
  if (silent.length === 0) logger.info('read-aloud has a voice for every screen language', fields);
  else logger.warn('read-aloud has no voice for some screen languages; their read-aloud button is hidden', fields);
}
