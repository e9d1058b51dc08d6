import type { KioskServiceFactory } from '../service-context.js';

/**
 * The kiosk role: captures requests durably, delivers them, follows them to
 * acknowledgement. PLACEHOLDER until issue 4's outbox lands: it refuses every
 * request, so the screen shows the fallback instruction and nothing is claimed.
 */
export const createKioskService: KioskServiceFactory = async () => ({
  handlers: {
    'request.submit': () => {
      throw new Error('request delivery is not built yet');
    },
    'request.get': () => null,
  },
  close: async () => {},
});
