/**
 * The desk role: receives kiosk requests over the signed backend-call
 * contract, keeps them (one file each, the first name sealed, purged after
 * retention), alerts until someone acknowledges, watches kiosk heartbeats,
 * and reports anonymous counts. See docs/desk.md.
 */
import { randomUUID } from 'node:crypto';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import type { DeskRequestView, DeskState } from '../../../shared/desk.js';
import type { DurableFiles } from '../delivery/durable-files.js';
import { signText, verifyText } from '../identity/signing-key.js';
import type { DeskCalls, DeskServiceFactory, RoleService, ServiceContext } from '../service-context.js';
import { createDeskAlerts } from './desk-alerts.js';
import { buildReport } from './desk-report.js';
import { createDeskRequests, type AnswerSigner } from './desk-requests.js';
import { deskChangeOf, deskStateOf } from './desk-state.js';
import { createKioskHealth } from './kiosk-health.js';
import { createKioskRateLimit } from './kiosk-rate-limit.js';
import { createLiveRequests } from './live-requests.js';
import { createReceiverHandlers } from './receiver-handlers.js';
import { openReplayMemory, replayMemoryFile } from './receiver/replay-guard.js';
import { startReceiver, type Receiver, type ReceiverHealth } from './receiver/receiver-server.js';
import { reportCsv } from './report-csv.js';
import { openRequestStore } from './request-store.js';
import { countsInReports, deskRequestViewOf, summarize, type StoredRequest } from './stored-request.js';
import { realEvery, type Every } from './ticker.js';

export type DeskServiceOptions = {
  /** The periodic timer; tests pass manualEvery() and move platform.now. */
  every?: Every;
  tickMs?: number;
  /** The request files' file layer; tests pass one that fails like a full or read-only disk. */
  files?: DurableFiles;
};

const dayMs = 24 * 60 * 60 * 1000;
const retentionCheckMs = 60 * 60 * 1000;

/**
 * Starts the desk: opens its store (migrating an older one), purges what
 * retention says must go, starts the periodic timer and, last, the receiver
 * (a port it cannot bind is reported in the state, never thrown). If anything
 * fails once the receiver is up, the receiver is closed again.
 */
export async function createDeskService(
  context: ServiceContext<DeskDeviceConfig>,
  options: DeskServiceOptions = {},
): Promise<RoleService<DeskCalls>> {
  const { device, platform, logger } = context;
  const now = () => platform.now();
  const iso = () => new Date(now()).toISOString();
  const store = await openRequestStore({ platform, logger, dataDir: context.dataDir, ...(options.files ? { files: options.files } : {}) });
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
  const kiosks = createKioskHealth(platform, device.kiosks.offlineAfterSeconds, now(), logger);
  const alerts = createDeskAlerts({
    notifier: platform.notifier,
    enabled: device.alerts.osNotifications,
    repeatSeconds: device.alerts.repeatSeconds,
    program: context.profile.program.name,
  });
  const live = createLiveRequests(device.desk.id, (id) => store.firstNameOf(id));

  // A restarted service counts from 1 again; its own stream tells an open console not to compare the two counts.
  const stream = randomUUID();
  let revision = 0;
  let receiverHealth: ReceiverHealth = { listening: false, problem: 'the receiver is starting' };
  const header = () => ({ kiosks: kiosks.views(), receiver: receiverHealth });
  const state = (): DeskState => deskStateOf(device, { stream, revision }, live, header());
  const announceWhole = () => {
    revision += 1;
    context.emit('desk.changed', state());
  };
  /** One request's change (or, with none, the kiosks'), told to the console as that one change. */
  const announce = (record?: StoredRequest, firstName?: { value: string | undefined }) => {
    const change = record ? live.put(record, firstName) : {};
    revision += 1;
    context.emit('desk.requestChanged', deskChangeOf({ stream, revision }, change, live, header()));
  };
  /** Work off a call's path (timer, after an answer): a throw is logged and cannot stop the desk or the process. */
  const guarded = (what: string, work: () => void) => () => {
    try {
      work();
    } catch (error) {
      logger.error('desk work failed; the desk keeps running', { where: what, error: error as Error });
    }
  };

  let lastRetentionAt = now();
  // Purges run one after another (a slow disk never runs two at once).
  let retention: Promise<unknown> = Promise.resolve();
  const purgeExpired = async () => {
    const purged = await store.purgeReceivedBefore(now() - device.retention.days * dayMs);
    for (const id of purged) live.remove(id);
    if (purged.length > 0) logger.info('retention purged requests; their anonymous counts stay', { count: purged.length });
    return purged.length > 0;
  };
  await purgeExpired();
  for (const record of store.all()) live.put(record);

  // Test pages from the admin screen are never counted.
  const summaries = () => [...store.archive(), ...[...store.all()].filter(countsInReports).map(summarize)];
  const viewOf = (record: StoredRequest): DeskRequestView =>
    live.viewOf(record.id) ?? deskRequestViewOf(record, device.desk.id, store.firstNameOf(record.id));

  const tick = guarded('tick', () => {
    const at = now();
    if (at - lastRetentionAt >= retentionCheckMs) {
      lastRetentionAt = at;
      retention = retention
        .then(purgeExpired)
        .then((changed) => changed && announceWhole())
        .catch((error: unknown) =>
          logger.error('retention could not purge requests; it tries again in an hour', { error: error as Error }),
        );
    }
    if (kiosks.evaluate(at)) announce();
    alerts.tick(live.firstWaiting(), live.waitingCount(), at);
  });
  const stopTicking = (options.every ?? realEvery)(options.tickMs ?? 1000, tick);

  /** A console action is stored; then the console hears of it (a failure there is logged, the answer still stands). */
  const answered = (record: StoredRequest): DeskRequestView => {
    guarded('console action', () => announce(record))();
    return viewOf(record);
  };

  let receiver: Receiver | undefined;
  try {
    receiver = await startReceiver({
      config: device.receiver,
      answer: {
        handlers: createReceiverHandlers({
          store,
          requests,
          live,
          kiosks,
          alerts,
          limits: createKioskRateLimit(device.limits, logger),
          logger,
          now,
          announce,
          guarded,
        }),
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
    announceWhole();
  } catch (error) {
    stopTicking();
    trust?.setReceiverAddress(undefined);
    await receiver?.close();
    throw error;
  }
  const running = receiver;

  return {
    handlers: {
      'desk.getState': state,
      'desk.acknowledge': async ({ id, messageKey }) => answered(await requests.acknowledge(id, messageKey, iso())),
      'desk.close': async ({ id, outcome }) => answered(await requests.close(id, outcome, iso())),
      'desk.history': ({ days }) =>
        [...store.all()]
          .flatMap((record) => (record.closed && countsInReports(record) ? [{ record, closedAt: Date.parse(record.closed.at) }] : []))
          .filter(({ closedAt }) => closedAt >= now() - days * dayMs)
          .sort((a, b) => b.closedAt - a.closedAt)
          .map(({ record }) => deskRequestViewOf(record, device.desk.id, store.firstNameOf(record.id))),
      'desk.report': ({ period }) => buildReport(period, summaries(), now()),
      'desk.exportCsv': ({ period }) => reportCsv(context.profile.program.name, period, summaries(), now()),
    },
    admin: { channels: () => [], receiver: () => receiverHealth },
    close: async () => {
      stopTicking();
      trust?.setReceiverAddress(undefined);
      await running.close();
      await retention;
    },
  };
}

// The role machinery calls it with the context only.
createDeskService satisfies DeskServiceFactory;
