import type { TFunction } from 'i18next';
import type { DeskRequestView } from '../../../shared/desk';

/** "Emergency: possible overdose — Lobby kiosk 1": how a request is named in headings and announcements. */
export function requestSummary(t: TFunction<'desk'>, request: DeskRequestView): string {
  return `${t(`kind.${request.kind}`)} — ${request.kiosk.location}`;
}
