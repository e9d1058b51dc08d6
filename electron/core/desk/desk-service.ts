import type { DeskState } from '../../../shared/desk.js';
import type { DeskServiceFactory } from '../service-context.js';

/**
 * The desk role: receives kiosk requests and answers them. PLACEHOLDER until
 * issue 5's receiver lands: an empty console that says it is not listening.
 */
export const createDeskService: DeskServiceFactory = async ({ device }) => {
  const state = (): DeskState => ({
    deskId: device.desk.id,
    deskName: device.desk.name,
    requests: [],
    kiosks: [],
    alerting: [],
    alert: { repeatSeconds: device.alerts.repeatSeconds, sound: device.alerts.sound },
    receiver: { listening: false, problem: 'not built yet' },
  });
  const missing = () => {
    throw new Error('the desk receiver is not built yet');
  };
  return {
    handlers: {
      'desk.getState': state,
      'desk.acknowledge': missing,
      'desk.close': missing,
      'desk.history': () => [],
      'desk.report': missing,
      'desk.exportCsv': missing,
    },
    close: async () => {},
  };
};
