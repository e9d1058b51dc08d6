/**
 * The kiosk role: captures requests durably, delivers them, follows them to
 * acknowledgement and closure, and forgets them after retention. Wires the
 * outbox, the channel queues, the status poller, heartbeats and deadlines.
 */
import path from 'node:path';
import { whpkOf } from '../../../shared/backend/signing.js';
import type { KioskDeviceConfig } from '../../../shared/config.js';
import type { KioskRequestView, ValidRequestInput } from '../../../shared/request.js';
import { createChannelSender } from '../delivery/channel-sender-factory.js';
import { createPairedDeskSender, pairedChannelId } from '../delivery/paired-desk-channel.js';
import type { DurableFiles } from '../delivery/durable-files.js';
import { startHeartbeats } from '../delivery/heartbeat.js';
import type { KioskCalls, KioskServiceFactory, RoleService, ServiceContext } from '../service-context.js';
import { initialChannels, reconcileChannels } from './channel-states.js';
import { createDeadlines, realSchedule, type Schedule } from './deadlines.js';
import { createDeliveryRunner } from './delivery-runner.js';
import { createFirstNames } from './first-names.js';
import { openKioskOutbox } from './kiosk-outbox.js';
import { resealOldNames } from '../reseal-old-names.js';
import { createRequestBook } from './request-book.js';
import { newRecord } from './new-record.js';
import { retentionExpired } from './retention.js';
import { createSubmitLimits } from './submit-limits.js';
import { applyStatusAnswer } from './status-answers.js';
import { createStatusPoller } from './status-poller.js';
import { kioskRequestViewOf } from './view.js';
import { createChannelResults } from '../admin/channel-results.js';
import { signText } from '../identity/signing-key.js';
import { channelHost } from '../admin/channel-target.js';
import { sendTestPage, testRequestOf } from '../admin/test-page.js';

/** Seams for tests: the file-system layer, the deadline timer, the jitter. */
export type KioskServiceOptions = { files?: DurableFiles; schedule?: Schedule; random?: () => number; retentionSweepMs?: number };

/** Thrown by request.submit when the request could not be saved: the screen shows the fallback. */
export class NotCaptured extends Error {
  constructor(readonly code: string) {
    super(`the request could not be saved (${code})`);
    this.name = 'NotCaptured';
  }
}

/**
 * Logs, once per start, the public key each `deviceKey` channel's backend must trust (a public key is not
 * personal data, and not a secret); with memory-only key protection, an error for each: the key changes at
 * every restart, so the backend would stop believing this kiosk.
 */
function announceDeviceKey(channels: KioskDeviceConfig['delivery']['channels'], context: ServiceContext<KioskDeviceConfig>) {
  const { logger, trust } = context;
  for (const channel of channels) {
    if (channel.type !== 'webhook' || !channel.deviceKey) continue;
    if (!trust) {
      logger.error('this webhook channel signs with the device key, but the device key could not be loaded', { channel: channel.id });
      continue;
    }
    logger.info("this webhook channel signs with this kiosk's device key: register this public key at the backend", {
      channel: channel.id,
      kioskId: context.device.kiosk.id,
      publicKey: whpkOf(trust.identity.signing.publicKey),
    });
    if (trust.protection === 'memory-only')
      logger.error(
        'the device key is kept in memory only, so it changes at every restart and the backend will stop believing this kiosk; set up the data key (docs/setup.md, "Keys on a kiosk without a keyring")',
        { channel: channel.id },
      );
  }
}

/** Starts the kiosk service; `createKioskService` is this with production seams. */
export async function startKioskService(
  context: ServiceContext<KioskDeviceConfig>,
  options: KioskServiceOptions = {},
): Promise<RoleService<KioskCalls>> {
  const { device, logger, platform } = context;
  const now = () => platform.now();
  const delivery = device.delivery;
  const abort = new AbortController();
  const signal = abort.signal;

  const opened = await openKioskOutbox(path.join(context.dataDir, 'outbox'), options.files, logger);
  // Names sealed before they were bound to their record, re-sealed once (atomic per record); after that v1 never opens.
  const store = {
    ...opened,
    loaded: await resealOldNames(
      {
        store: 'kiosk',
        records: opened.loaded,
        complete: opened.readable,
        sealedOf: (r) => r.sealedFirstName,
        withSealed: (r, sealedFirstName) => ({ ...r, sealedFirstName }),
        save: opened.save,
      },
      { ...platform, logger },
    ),
  };
  const book = createRequestBook({ store, now, logger, emit: context.emit });
  const names = createFirstNames(platform.cipher, logger);
  const identity = context.trust?.identity;
  const clientDeps = {
    now,
    timeoutMs: delivery.requestTimeoutMs,
    logger,
    kioskId: device.kiosk.id,
    // Channels with `deviceKey` sign with this kiosk's own key (the pairing key, sealed at rest): no secret in kiosk.json.
    ...(identity ? { deviceSigner: (content: string) => signText(identity.signing, content) } : {}),
  };
  announceDeviceKey(delivery.channels, context);
  // Configured channels, then one per paired desk (the pairing, not the config file, holds its secret).
  const pairedDesks = context.trust?.store.desks().filter((desk) => desk.link !== undefined) ?? [];
  const senders = [
    ...delivery.channels.map((channel) => createChannelSender(channel, clientDeps)),
    ...pairedDesks.map((desk) => createPairedDeskSender({ ...desk, link: desk.link! }, clientDeps)),
  ];
  if (senders.length === 0)
    logger.warn('no desk is paired and no channel is configured: requests cannot page anyone, so the screen shows the fallback', {});
  const results = createChannelResults();
  const runner = createDeliveryRunner({
    device,
    profile: context.profile,
    senders,
    book,
    names,
    logger,
    signal,
    random: options.random,
    now,
    onSettled: (channelId, result) => results.record(channelId, result, now()),
  });
  const deadlines = createDeadlines({
    delivery,
    now,
    schedule: options.schedule ?? realSchedule,
    onDeliveryLate: (id) => book.change(id, (r) => (r.phase === 'captured' && !r.late ? void (r.late = true) : false)),
    onAcknowledgeLate: (id) => {
      const record = book.get(id);
      if (record && (record.phase === 'captured' || record.phase === 'delivered')) runner.escalate(record);
    },
  });

  const purgeExpired = async () => {
    for (const record of book.all()) {
      const reason = retentionExpired(record, now(), device.retention);
      if (!reason) continue;
      deadlines.forget(record.id);
      names.forget(record.id);
      await book
        .remove(record.id)
        .catch((error: NodeJS.ErrnoException) => logger.error('purge failed', { requestId: record.id, code: error.code ?? error.name }));
      logger.info('request purged after retention', { requestId: record.id, phase: record.phase, reason });
    }
  };

  for (const record of store.loaded) book.restore(record);
  await purgeExpired();
  const resumed = book.all().filter((r) => r.phase !== 'closed');
  for (const record of resumed) {
    book.change(record.id, (r) => reconcileChannels(r, senders));
    runner.resume(record);
    deadlines.watch(record);
  }
  if (resumed.length > 0) logger.info('outbox resumed', { count: resumed.length, depth: runner.depth() });

  const poller = createStatusPoller({
    senders,
    book,
    intervalMs: delivery.pollSeconds * 1000,
    signal,
    onAnswer: (channelId, answer) => applyStatusAnswer(channelId, answer, { book, runner, now, logger }),
  });
  const stopHeartbeats = startHeartbeats({
    senders,
    kiosk: { id: device.kiosk.id, location: device.kiosk.location },
    intervalMs: delivery.heartbeatSeconds * 1000,
    outboxDepth: runner.depth,
    failedDeliveries: runner.failedDeliveries,
    logger,
    signal,
  });
  const sweep = setInterval(() => void purgeExpired(), options.retentionSweepMs ?? 600_000);

  // Submissions run one at a time (`submit` below), so the open references are all that is taken.
  const capture = async (input: ValidRequestInput): Promise<KioskRequestView> => {
    const record = newRecord(input, {
      kioskId: device.kiosk.id,
      seq: book.nextSeq(),
      taken: book.openReferences(),
      now: now(),
      channels: initialChannels(senders),
    });
    const id = record.id;
    // Undefined (nothing written) without a cipher: the name is then kept in memory only.
    record.sealedFirstName = names.keep(id, input.firstName);
    try {
      await book.add(record);
    } catch (error) {
      names.forget(id);
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
      logger.error('request could not be saved; the kiosk does not claim capture', { requestId: id, code });
      throw new NotCaptured(code);
    }
    logger.info('request captured', { requestId: id, reference: record.reference, priority: record.priority });
    const view = kioskRequestViewOf(record);
    // Other windows (and a renderer that reloaded) learn of the capture the same way as of every later step.
    context.emit('request.changed', view);
    runner.resume(record);
    deadlines.watch(record);
    return view;
  };

  const limits = createSubmitLimits(delivery, logger);
  // Keys whose submission was collapsed into another request: the same key gets that request again.
  const collapsedKeys = new Map<string, string>();
  const keptFor = (key: string) => book.all().find((record) => record.idempotencyKey === key) ?? book.get(collapsedKeys.get(key) ?? '');
  /** Applies the submit limits (./submit-limits.ts), then captures, collapses or refuses. */
  const admit = async (input: ValidRequestInput): Promise<KioskRequestView> => {
    const key = input.idempotencyKey;
    const kept = key ? keptFor(key) : undefined;
    if (kept) return kioskRequestViewOf(kept);
    const decision = limits.decide(input, book.all(), now());
    if (decision.kind === 'refuse') throw new NotCaptured('rate-limited');
    if (decision.kind === 'capture') return capture(input);
    if (key) collapsedKeys.set(key, decision.into.id);
    return kioskRequestViewOf(decision.into);
  };
  // One submission at a time: each must see the one before it saved, or a burst would slip past the limits.
  let turn: Promise<unknown> = Promise.resolve();
  /** One request per key: the one already kept (also across a restart, from the outbox), or what `admit` decides. */
  const submit = (input: ValidRequestInput): Promise<KioskRequestView> => {
    const kept = input.idempotencyKey ? keptFor(input.idempotencyKey) : undefined;
    if (kept) {
      logger.info('submit repeated for the same visit; the request already kept is returned', { requestId: kept.id });
      return Promise.resolve(kioskRequestViewOf(kept));
    }
    const work = turn.then(() => admit(input));
    turn = work.catch(() => undefined);
    return work;
  };

  return {
    handlers: {
      'request.submit': submit,
      'request.get': ({ id }) => {
        const record = book.get(id);
        return record ? kioskRequestViewOf(record) : null;
      },
      'kiosk.sessionEnded': () => {
        context.platform.clearClipboard?.();
        return { forgotten: true };
      },
    },
    admin: {
      // Paired desks are channels too: the admin sees and tests them like the configured ones.
      channels: () => [
        ...delivery.channels.map((channel) => ({
          id: channel.id,
          type: channel.type,
          use: channel.use,
          host: channelHost(channel),
          ...results.of(channel.id),
        })),
        ...pairedDesks.map((desk) => {
          const id = pairedChannelId(desk.deskId);
          return { id, type: 'desk' as const, use: 'page' as const, host: new URL(desk.link!.url).host, ...results.of(id) };
        }),
      ],
      outboxDepth: runner.depth,
      testPage: (channelId) =>
        sendTestPage({
          senders,
          channelId,
          request: testRequestOf(device, context.profile, now()),
          results,
          now,
          logger: logger.child('admin'),
          timeoutMs: delivery.requestTimeoutMs,
        }),
    },
    close: async () => {
      abort.abort();
      clearInterval(sweep);
      poller.close();
      stopHeartbeats();
      deadlines.close();
      await book.flush();
    },
  };
}

export const createKioskService: KioskServiceFactory = (context) => startKioskService(context);
