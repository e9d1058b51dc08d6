import type { AgencyProfile, KioskDeviceConfig } from '../../../shared/config.js';
import type { NewRequest } from '../delivery/channel-sender.js';
import type { RequestRecord } from './request-record.js';

/**
 * What the channels may send about a request: the contract message, the
 * first name for those allowed to carry it, and the page (no personal data)
 * for those that leave the building.
 */
export function newRequestOf(
  record: RequestRecord,
  deps: { device: KioskDeviceConfig; profile: AgencyProfile; firstName: string | undefined },
  escalation: boolean,
): NewRequest {
  const { device, profile } = deps;
  const kiosk = { id: device.kiosk.id, location: device.kiosk.location };
  return {
    created: {
      type: 'request.created',
      version: 1,
      request: {
        id: record.id,
        reference: record.reference,
        program: profile.program.name,
        agency: profile.agency.name,
        kiosk,
        priority: record.priority,
        kind: record.kind,
        language: record.language,
        turningIn: record.turningIn,
        dangerNow: record.dangerNow,
        createdAt: record.createdAt,
      },
    },
    firstName: deps.firstName,
    page: {
      program: profile.program.name,
      agency: profile.agency.name,
      kioskId: kiosk.id,
      kioskLocation: kiosk.location,
      reference: record.reference,
      priority: record.priority,
      createdAt: record.createdAt,
      escalation,
    },
  };
}
