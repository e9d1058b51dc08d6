import type { ComponentType } from 'react';
import type { AdminOverview } from '../../../shared/admin';
import type { LobbyApi } from '../../../shared/contract';
import { AboutSection } from './sections/about-section';
import { ChannelsSection } from './sections/channels-section';
import { LogSection } from './sections/log-section';
import { PairingSection } from './sections/pairing-section';
import { ProblemsSection } from './sections/problems-section';
import { ReceiverSection } from './sections/receiver-section';
import { ServiceSection } from './sections/service-section';

export type AdminSectionProps = {
  api: LobbyApi;
  overview: AdminOverview;
  /** Reads the overview again after an action. */
  refresh: () => void;
};

/**
 * One section of the admin screen: its heading (a key in the "admin"
 * namespace), when it applies, and what it shows. Adding a section (such as
 * "Devices and pairing") is one entry here and one component.
 */
export type AdminSection = {
  id: string;
  titleKey: string;
  appliesTo: (overview: AdminOverview) => boolean;
  Component: ComponentType<AdminSectionProps>;
};

const always = () => true;

export const adminSections: readonly AdminSection[] = [
  { id: 'about', titleKey: 'about.title', appliesTo: always, Component: AboutSection },
  { id: 'problems', titleKey: 'problems.title', appliesTo: always, Component: ProblemsSection },
  { id: 'channels', titleKey: 'channels.title', appliesTo: (o) => o.role === 'kiosk', Component: ChannelsSection },
  { id: 'receiver', titleKey: 'receiver.title', appliesTo: (o) => o.receiver !== undefined, Component: ReceiverSection },
  { id: 'service', titleKey: 'service.title', appliesTo: (o) => o.role === 'kiosk', Component: ServiceSection },
  { id: 'pairing', titleKey: 'pairing.title', appliesTo: always, Component: PairingSection },
  { id: 'log', titleKey: 'log.title', appliesTo: always, Component: LogSection },
];
