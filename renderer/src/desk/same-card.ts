import type { DeskRequestView } from '../../../shared/desk';

/** What a request card draws from. */
export type CardProps = {
  request: DeskRequestView;
  needsAnswer: boolean;
  api: unknown;
  naloxoneAtDesk: boolean;
};

/**
 * Whether a card would draw the same thing again: the same request id at the
 * same version (its content, so a state that was rebuilt or sent whole still
 * matches) and the same flags. A change to one request redraws one card.
 */
export function sameCard(previous: CardProps, next: CardProps): boolean {
  return (
    previous.needsAnswer === next.needsAnswer &&
    previous.api === next.api &&
    previous.naloxoneAtDesk === next.naloxoneAtDesk &&
    previous.request.id === next.request.id &&
    (previous.request === next.request || requestVersion(previous.request) === requestVersion(next.request))
  );
}

/** A request's version: every field it shows, so any change (an answer, a purged name) is a new version. */
export function requestVersion(request: DeskRequestView): string {
  return JSON.stringify(request);
}
