/**
 * Contract calls over a host's HTTP bridge, from the test process, for the
 * desk end-to-end tests: submit on a kiosk as its screen would, read the
 * kiosk's request, read a desk's state. Same headers as a same-origin page.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import type { CallResult } from '../../../shared/call-result.js';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.js';
import type { AckMessageKey } from '../../../shared/request-rules.js';
import { shippedConfig, testAdminPin } from './test-host.js';
import { tokenHeaders } from './host-token.js';

/** Calls `name` on the core behind `roleUrl` (".../kiosk/" or ".../desk/") and unwraps its answer. */
export async function callOver<N extends CallName>(
  request: APIRequestContext,
  roleUrl: string,
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const response = await request.post(new URL(`api/call/${name}`, roleUrl).href, {
    data: input,
    headers: { Origin: new URL(roleUrl).origin, 'Content-Type': 'application/json', ...tokenHeaders(roleUrl) },
  });
  const result = (await response.json()) as CallResult<CallOutput<N>>;
  if (!result.ok) throw new Error(`${name} failed over HTTP (${response.status()}): ${result.error.message}`);
  return result.value;
}

/** A kiosk request as a person would submit it on the touchscreen. */
export async function submitOnKiosk(request: APIRequestContext, kioskUrl: string, input: Partial<CallInput<'request.submit'>> = {}) {
  const view = await callOver(request, kioskUrl, 'request.submit', {
    kind: 'help-self',
    turningIn: false,
    dangerNow: false,
    language: 'es',
    ...input,
  });
  expect(view.id).toMatch(/^req_/);
  return view;
}

/**
 * The officer answers on the desk behind `deskUrl`, as its answer buttons do (desk.acknowledge over the desk's
 * bridge), once the desk holds the kiosk's request: the only one it has. Returns the request's id.
 */
export async function answerOnDesk(request: APIRequestContext, deskUrl: string, messageKey: AckMessageKey): Promise<string> {
  let id = '';
  await expect
    .poll(
      async () => {
        const held = (await callOver(request, deskUrl, 'desk.getState', {})).requests;
        id = held.length === 1 ? (held[0]?.id ?? '') : '';
        return held.length;
      },
      { message: "the desk holds the kiosk's request", timeout: 30_000 },
    )
    .toBe(1);
  await callOver(request, deskUrl, 'desk.acknowledge', { id, messageKey });
  return id;
}

/** The shipped desk config with an id, name and receiver port of the test's choosing. */
export function deskConfig(desk: { id: string; name: string }, port: number): Record<string, unknown> {
  const shipped = shippedConfig('desk');
  return { ...shipped, desk, receiver: { ...(shipped.receiver as object), port } };
}

/** The shipped kiosk config (no channels: desks are paired), with kiosk and delivery settings changed as given. */
export function kioskConfig(kiosk: { id: string; location: string }, delivery: Record<string, unknown> = {}): Record<string, unknown> {
  const shipped = shippedConfig('kiosk') as { delivery: Record<string, unknown> } & Record<string, unknown>;
  return { ...shipped, kiosk, delivery: { ...shipped.delivery, ...delivery } };
}

/**
 * The pairing ceremony over the hosts' HTTP bridges, as two administrators
 * would run it on the admin screens: a code on the desk, typed on the kiosk
 * (or a second desk), the comparison code confirmed on both.
 */
export async function pairOver(request: APIRequestContext, deskUrl: string, initiatorUrl: string): Promise<void> {
  // Pairing is an admin call: each side needs its admin session open, as on the admin screens.
  await openAdminSession(request, deskUrl);
  await openAdminSession(request, initiatorUrl);
  const made = await callOver(request, deskUrl, 'admin.pairing.createCode', {});
  const pending = await callOver(request, initiatorUrl, 'admin.pairing.pairWithDesk', {
    address: made.addresses[0] ?? '',
    code: made.code,
  });
  const deskSide = (await callOver(request, deskUrl, 'admin.pairing.overview', {})).pending.find(
    (p) => p.comparisonCode === pending.comparisonCode,
  );
  expect(deskSide, 'the desk shows the same comparison code').toBeDefined();
  await callOver(request, deskUrl, 'admin.pairing.confirm', { sessionId: deskSide?.sessionId ?? '', same: true });
  expect(await callOver(request, initiatorUrl, 'admin.pairing.confirm', { sessionId: pending.sessionId, same: true })).toEqual({
    state: 'paired',
  });
  await callOver(request, deskUrl, 'admin.session.end', {});
  await callOver(request, initiatorUrl, 'admin.session.end', {});
}

export { testAdminPin };

/** Opens the admin session on the core behind `roleUrl` with the test PIN, choosing it if none is set yet (a desk, a fresh kiosk). */
export async function openAdminSession(request: APIRequestContext, roleUrl: string): Promise<void> {
  const state = await callOver(request, roleUrl, 'admin.session.state', {});
  if (state.active) return;
  await callOver(request, roleUrl, state.pinSet ? 'admin.session.unlock' : 'admin.session.createPin', { pin: testAdminPin });
}
