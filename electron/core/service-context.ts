import type { AdminOverview, ChannelStatusView, TestPageResult } from '../../shared/admin.js';
import type { AgencyProfile, DeskDeviceConfig, KioskDeviceConfig } from '../../shared/config.js';
import type { CallHandlers, CallsOf, EventName, EventPayload } from '../../shared/contract.js';
import type { Logger } from './logger.js';
import type { DeviceTrust } from './pairing/device-trust.js';
import type { Platform } from './platform.js';

/** What a role's service is given when the configuration is ready. */
export type ServiceContext<Device> = {
  device: Device;
  profile: AgencyProfile;
  logger: Logger;
  /** A folder for this role's data only (outbox, stores). */
  dataDir: string;
  platform: Platform;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** This device's identity and pairings; absent in tests that run a role with configured secrets only. */
  trust?: DeviceTrust;
};

/** Derived from the contract: a new `kiosk.*`/`request.*` or `desk.*` call there is one more handler in the service. */
export type KioskCalls = CallsOf<'kiosk'>;
export type DeskCalls = CallsOf<'desk'>;

/** What a running role tells (and does for) the admin screen. */
export type RoleAdmin = {
  channels(): ChannelStatusView[];
  /** Kiosk: requests with something still to send. */
  outboxDepth?(): number;
  /** Kiosk: one test page to one channel or all of them. */
  testPage?(channelId: string | undefined): Promise<TestPageResult[]>;
  /** Desk: the receiver's state. */
  receiver?(): AdminOverview['receiver'];
};

/** A running role: its call handlers, and a close that stops timers and servers (data stays on disk). */
export type RoleService<Calls extends keyof CallHandlers> = {
  handlers: Pick<CallHandlers, Calls>;
  close(): Promise<void>;
  admin?: RoleAdmin;
};

export type KioskServiceFactory = (context: ServiceContext<KioskDeviceConfig>) => Promise<RoleService<KioskCalls>>;
export type DeskServiceFactory = (context: ServiceContext<DeskDeviceConfig>) => Promise<RoleService<DeskCalls>>;
