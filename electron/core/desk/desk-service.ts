/**
 * The desk role: receives kiosk requests over the signed backend-call
 * contract, keeps them (the first name sealed, purged after retention),
 * alerts until someone acknowledges, watches kiosk heartbeats, and reports
 * anonymous counts. See docs/desk.md.
 */
import type { DeskState } from '../../../shared/desk.js';
import type { DeskCalls, DeskServiceFactory, RoleService, ServiceContext } from '../service-context.js';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import { createDeskAlerts } from './desk-alerts.js';
import { buildReport } from './desk-report.js';
import { createDeskRequests, type AnswerSigner } from './desk-requests.js';
import { signText, verifyText } from '../identity/signing-key.js';
import { buildDeskState, waitingRequests } from './desk-state.js';
import { createKioskHealth } from './kiosk-health.js';
import { createReceiverHandlers } from './receiver-handlers.js';
import { openReplayMemory, replayMemoryFile } from './receiver/replay-guard.js';
import { startReceiver, type ReceiverHealth } from './receiver/receiver-server.js';
import { reportCsv } from './report-csv.js';
import { openRequestStore } from './request-store.js';
import { countsInReports, summarize, toView, type StoredRequest } from './stored-request.js';
import { realEvery, type Every } from './ticker.js';

export type DeskServiceOptions = {
  /** The periodic timer; tests pass manualEvery() and move platform.now. */
  every?: Every;
  tickMs?: number;
};

const dayMs = 24 * 60 * 60 * 1000;
const retentionCheckMs = 60 * 60 * 1000;

/**
 * Starts the desk: opens its store, purges what retention says must go,
 * starts the receiver (a port it cannot bind is reported in the state, never
 * thrown) and the periodic timer.
 */
export async function createDeskService(
  context: ServiceContext<DeskDeviceConfig>,
  options: DeskServiceOptions = {},
): Promise<RoleService<DeskCalls>> {
  const { device, platform, logger } = context;
  const now = () => platform.now();
  const iso = () => new Date(now()).toISOString();
  const store = openRequestStore(platform, logger);
  const trust = context.trust;
  // With an identity, this desk signs its answers and believes only signed answers from desks it paired with.
  const signer: AnswerSigner | undefined = trust && {
    sign: (statement) => signText(trust.identity.signing, statement),
    verify: (deskId, statement, signature) => {
      const key = deskId === device.desk.id ? trust.identity.signing.publicKey : trust.store.desk(deskId)?.publicKey;
      return key !== undefined && signature !== undefined && verifyText(key, statement, signature);
    },
  };
  const requests = createDeskRequests(store, device.desk, signer);
  const kiosks = createKioskHealth(platform, device.kiosks.offlineAfterSeconds, now());
  const alerts = createDeskAlerts({
    notifier: platform.notifier,
    enabled: device.alerts.osNotifications,
    repeatSeconds: device.alerts.repeatSeconds,
    program: context.profile.program.name,
  });

  let lastRetentionAt = now();
  const purgeExpired = () => {
    lastRetentionAt = now();
    const count = store.purgeReceivedBefore(now() - device.retention.days * dayMs);
    if (count > 0) logger.info('retention purged requests; their anonymous counts stay', { count });
    return count > 0;
  };
  purgeExpired();

  let receiverHealth: ReceiverHealth = { listening: false, problem: 'the receiver is starting' };
  const view = (record: StoredRequest) => toView(record, device.desk.id, store.firstNameOf(record.id));
  const state = (): DeskState => buildDeskState(device, store, { kiosks: kiosks.views(), receiver: receiverHealth }, view);
  const changed = () => context.emit('desk.changed', state());
  // Test pages from the admin screen are never counted.
  const summaries = () => [...store.archive(), ...store.all().filter(countsInReports).map(summarize)];

  const receiver = await startReceiver({
    config: device.receiver,
    answer: {
      handlers: createReceiverHandlers({ store, requests, kiosks, alerts, logger, now, changed }),
      replays: await openReplayMemory(replayMemoryFile(context.dataDir), { now, logger }),
      now,
      // Secrets in the config file (loopback only), then each paired kiosk's own, bound to its id.
      senders: () => [
        ...device.receiver.secrets.map((secret) => ({ secret })),
        ...(trust?.store.kiosks().map((k) => ({ secret: k.secret, kioskId: k.kioskId })) ?? []),
      ],
    },
    logger: logger.child('receiver'),
    ...(trust?.identity.tls ? { tls: trust.identity.tls } : {}),
    ...(trust?.responder ? { pairing: trust.responder } : {}),
    onListening: (address) => trust?.setReceiverAddress(address),
  });
  receiverHealth = receiver.health();
  changed();

  const tick = () => {
    const at = now();
    const retentionChanged = at - lastRetentionAt >= retentionCheckMs && purgeExpired();
    const kioskChanged = kiosks.evaluate(at);
    alerts.tick(waitingRequests(store), at);
    if (retentionChanged || kioskChanged) changed();
  };
  const stopTicking = (options.every ?? realEvery)(options.tickMs ?? 1000, tick);

  const answered = (record: StoredRequest) => {
    changed();
    return view(record);
  };

  return {
    handlers: {
      'desk.getState': state,
      'desk.acknowledge': ({ id, messageKey }) => answered(requests.acknowledge(id, messageKey, iso())),
      'desk.close': ({ id, outcome }) => answered(requests.close(id, outcome, iso())),
      'desk.history': ({ days }) =>
        store
          .all()
          .filter((r) => r.closed && countsInReports(r) && Date.parse(r.closed.at) >= now() - days * dayMs)
          .sort((a, b) => Date.parse(b.closed?.at ?? '') - Date.parse(a.closed?.at ?? ''))
          .map(view),
      'desk.report': ({ period }) => buildReport(period, summaries(), now()),
      'desk.exportCsv': ({ period }) => reportCsv(context.profile.program.name, period, summaries(), now()),
    },
    admin: { channels: () => [], receiver: () => receiverHealth },
    close: async () => {
      stopTicking();
      trust?.setReceiverAddress(undefined);
      await receiver.close();
    },
  };
}

// The role machinery calls it with the context only.
createDeskService satisfies DeskServiceFactory;
