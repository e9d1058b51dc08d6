/**
 * Twilio's Messages resource on loopback. It checks what the API reference
 * requires: POST to /2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP
 * Basic auth with the Account SID and Auth Token, a form-encoded body with To,
 * From and Body. It answers 201 with a Message resource, or Twilio's error
 * JSON `{code, message, more_info, status}`.
 */
import { json, startLoopbackHttp, type LoopbackHttp, type Reply } from './loopback-http.js';

export const twilioAccountSid = `AC${'0123456789abcdef'.repeat(2)}`;
export const twilioAuthToken = 'TWILIO-TOKEN-9b7c5e3a1f';

export type SentSms = { to: string; from: string; body: string };

export type FakeTwilio = LoopbackHttp & {
  /** Scripted answers for one recipient, in order; "hang" never answers. */
  readonly scriptFor: Map<string, Array<Reply | 'hang'>>;
  /** Messages accepted (answered 201), in order. */
  readonly sent: SentSms[];
};

export function twilioError(status: number, code: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const scriptFor = new Map<string, Array<Reply | 'hang'>>();
  const sent: SentSms[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${twilioAccountSid}:${twilioAuthToken}`).toString('base64')}`;
  let serial = 0;
  const server = await startLoopbackHttp((request) => {
    if (request.method !== 'POST' || request.path !== `/2010-04-01/Accounts/${twilioAccountSid}/Messages.json`) {
      return twilioError(404, 20404, 'The requested resource was not found');
    }
    if (request.headers.authorization !== expectedAuth) return twilioError(401, 20003, 'Authenticate');
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return twilioError(400, 21602, 'Message body is required.');
    }
    const form = new URLSearchParams(request.body);
    const to = form.get('To');
    const from = form.get('From');
    const body = form.get('Body');
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!from) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!body) return twilioError(400, 21602, 'Message body is required.');
    const scripted = scriptFor.get(to)?.shift();
    if (scripted === 'hang') return undefined;
    if (scripted) return scripted;
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    sent.push({ to, from, body });
    serial += 1;
    const sid = `SM${serial.toString(16).padStart(32, '0')}`;
    return json(201, {
      sid,
      account_sid: twilioAccountSid,
      to,
      from,
      body,
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${twilioAccountSid}/Messages/${sid}.json`,
    });
  });
  return Object.assign(server, { scriptFor, sent });
}
