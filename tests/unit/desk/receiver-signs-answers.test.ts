/**
 * The desk receiver signs its answer to every call whose signature verified
 * (electron/core/desk/receiver/receiver-server.ts): with the secret that
 * verified it, over the exact bytes sent, bound to the call's webhook-id. A
 * kiosk on a configured desk channel believes nothing else
 * (tests/unit/trust/desk-answers-signed.test.ts). A call it could not
 * verify gets an unsigned refusal: the desk has no secret to sign it with.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { answerMessageId, verifyAnswer } from '../../../shared/backend/signing.js';
import {
  heartbeat,
  newMessageId,
  otherSecret,
  postReadingHeaders,
  requestCreated,
  shippedSecret,
  statusQuery,
} from './support/backend-client.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';

afterEach(closeAllDesks);

/** Posts as a kiosk with `secret` and returns the answer with the bytes as sent (the receiver writes compact JSON). */
async function ask(url: string, body: object, secrets = [shippedSecret]) {
  const messageId = newMessageId();
  const answer = await postReadingHeaders(url, body, { secrets, messageId });
  return { ...answer, messageId, text: JSON.stringify(answer.json) };
}

describe("the desk receiver's answers", () => {
  it('a status answer is signed with the secret that verified the query, for that query only', async () => {
    // The desk's own clock stands at the harness's 2026-11-20: the answer is stamped with the wall clock, which is
    // what the kiosk's check compares it with.
    const desk = await startDesk();
    const created = requestCreated();
    await postReadingHeaders(`${desk.url()}/requests`, created);
    const answer = await ask(`${desk.url()}/status`, statusQuery([created.request.id]));
    expect(answer.status).toBe(200);
    expect(answer.headers['webhook-id']).toBe(answerMessageId(answer.messageId));
    expect(verifyAnswer([shippedSecret], answer.messageId, answer.text, answer.headers)).toEqual({
      ok: true,
      messageId: answerMessageId(answer.messageId),
    });
    expect(verifyAnswer([shippedSecret], newMessageId(), answer.text, answer.headers)).toMatchObject({
      ok: false,
      reason: 'unbound-answer',
    });
    expect(verifyAnswer([otherSecret], answer.messageId, answer.text, answer.headers)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    const altered = answer.text.replace('"received"', '"acknowledged"');
    expect(altered).not.toBe(answer.text);
    expect(verifyAnswer([shippedSecret], answer.messageId, altered, answer.headers)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('a receipt and a heartbeat answer are signed for their own message, and signed with the second secret when that one verified', async () => {
    const desk = await startDesk({ device: (d) => void (d.receiver.secrets = [otherSecret, shippedSecret]) });
    const receipt = await ask(`${desk.url()}/requests`, requestCreated(), [shippedSecret]);
    expect(receipt.json).toEqual({ received: true, duplicate: false });
    expect(verifyAnswer([shippedSecret], receipt.messageId, receipt.text, receipt.headers).ok).toBe(true);
    expect(verifyAnswer([otherSecret], receipt.messageId, receipt.text, receipt.headers).ok).toBe(false);
    const beat = await ask(`${desk.url()}/heartbeats`, heartbeat(), [shippedSecret]);
    expect(verifyAnswer([shippedSecret], beat.messageId, beat.text, beat.headers).ok).toBe(true);
  });

  it('a call it could not verify is refused without a signature', async () => {
    const desk = await startDesk();
    const refused = await ask(`${desk.url()}/heartbeats`, heartbeat(), [otherSecret]);
    expect(refused.status).toBe(401);
    expect(refused.headers['webhook-signature']).toBeUndefined();
  });
});
