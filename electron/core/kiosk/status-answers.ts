/**
 * Applies what a desk or status endpoint said about requests. Only an
 * answer carrying an acknowledgement makes a request "acknowledged"; only a
 * closed state closes it. The first acknowledgement wins; phases never go back.
 */
import type { StatusAnswer } from '../../../shared/backend/messages.js';
import { datedBeforeRequest } from '../../../shared/backend/statements.js';
import type { Logger } from '../logger.js';
import type { DeliveryRunner } from './delivery-runner.js';
import type { RequestBook } from './request-book.js';

export function applyStatusAnswer(
  channelId: string,
  answer: StatusAnswer,
  deps: { book: RequestBook; runner: DeliveryRunner; now: () => number; logger: Logger },
): void {
  for (const entry of answer.requests) {
    const record = deps.book.get(entry.id);
    if (!record || record.phase === 'closed') continue;
    const answeredAt = entry.acknowledgement?.at ?? entry.closed?.at;
    if (answeredAt && datedBeforeRequest(answeredAt, record.createdAt)) {
      deps.logger.warn('ignored an answer dated before the request', { requestId: entry.id, channel: channelId });
      continue;
    }
    const closes = entry.state === 'closed';
    const acknowledges = entry.acknowledgement !== undefined && !record.acknowledgement;
    if (!closes && !acknowledges) continue;
    deps.book.change(entry.id, (r) => {
      if (entry.acknowledgement && !r.acknowledgement) r.acknowledgement = entry.acknowledgement;
      if (closes) {
        r.phase = 'closed';
        if (entry.closed) r.closed = entry.closed;
        r.closedAt = new Date(deps.now()).toISOString();
        // Nobody needs paging about a closed request; unsent pages are dropped, not failed.
        for (const state of Object.values(r.channels)) if (state.created === 'pending') state.created = 'idle';
      } else {
        // Not closed and never acknowledged (both checked above): captured or delivered, so this only moves it forward.
        r.phase = 'acknowledged';
      }
      // `late` and `failed` are left as they were: an acknowledged or closed request's status does not read them.
      r.reportedBy = channelId;
    });
    // A closed state may come without its details: then there is no desk to name (an undefined field would be logged as dropped).
    const deskId = entry.acknowledgement?.deskId ?? entry.closed?.deskId;
    deps.logger.info(closes ? 'request closed by a desk' : 'request acknowledged', {
      requestId: entry.id,
      channel: channelId,
      ...(deskId ? { deskId } : {}),
    });
    deps.runner.relay(record);
  }
}
