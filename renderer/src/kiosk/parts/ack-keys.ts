import type { AckMessageKey } from '../../../../shared/request-rules';

/** The kiosk's sentence for each officer's answer. Static keys, so a test can prove each exists in every language. */
export const ackKeys: Record<AckMessageKey, string> = {
  'coming-now': 'status.ack.comingNow',
  'wait-5-minutes': 'status.ack.wait5Minutes',
  'come-to-window': 'status.ack.comeToWindow',
  'called-911': 'status.ack.called911',
};
