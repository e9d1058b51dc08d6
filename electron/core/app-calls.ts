import type { Bootstrap } from '../../shared/bootstrap.js';
import type { CallHandlers, CallsOf } from '../../shared/contract.js';
import type { Logger } from './logger.js';
import { logReadAloudVoices } from './read-aloud-voices.js';

/** The `app.*` calls, answered in both roles whatever the configuration says. */
export function createAppCalls(options: { logger: Logger; bootstrap: () => Bootstrap }): Pick<CallHandlers, CallsOf<'app'>> {
  const { logger, bootstrap } = options;
  return {
    'app.getBootstrap': () => bootstrap(),
    'app.reportRendererError': ({ where, kind }) => {
      logger.child('renderer').error('renderer error', { where, kind });
      return { recorded: true };
    },
    'app.reportVoices': ({ withVoice }) => {
      logReadAloudVoices(logger.child('read-aloud'), bootstrap().languages, withVoice);
      return { recorded: true };
    },
  };
}
