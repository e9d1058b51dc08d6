/**
 * Contract calls over a host's HTTP bridge, from the test process, for the
 * desk end-to-end tests: submit on a kiosk as its screen would, read the
 * kiosk's request, read a desk's state. Same headers as a same-origin page.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import type { CallResult } from '../../../shared/call-result.js';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.js';
import { shippedConfig } from './test-host.js';

/** Calls `name` on the core behind `roleUrl` (".../kiosk/" or ".../desk/") and unwraps its answer. */
export async function callOver<N extends CallName>(request: APIRequestContext, roleUrl: string, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const response = await request.post(new URL(`api/call/${name}`, roleUrl).href, {
    data: input,
    headers: { Origin: new URL(roleUrl).origin, 'Content-Type': 'application/json' },
  });
  const result = (await response.json()) as CallResult<CallOutput<N>>;
  if (!result.ok) throw new Error(`${name} failed over HTTP (${response.status()}): ${result.error.message}`);
  return result.value;
}

/** A kiosk request as a person would submit it on the touchscreen. */
export async function submitOnKiosk(request: APIRequestContext, kioskUrl: string, input: Partial<CallInput<'request.submit'>> = {}) {
  const view = await callOver(request, kioskUrl, 'request.submit', { kind: 'help-self', turningIn: false, dangerNow: false, language: 'es', ...input });
  expect(view.id).toMatch(/^req_/);
  return view;
}

/** The shipped desk config with an id, name and receiver port of the test's choosing. */
export function deskConfig(desk: { id: string; name: string }, port: number): Record<string, unknown> {
  const shipped = shippedConfig('desk');
  return { ...shipped, desk, receiver: { ...(shipped.receiver as object), port } };
}

type DeskChannel = { id: string; type: 'desk'; url: string; secret: unknown };

/** The shipped kiosk config paging one desk channel per receiver port, with kiosk and delivery settings changed as given. */
export function kioskConfig(
  kiosk: { id: string; location: string },
  receiverPorts: readonly number[],
  delivery: Record<string, unknown> = {},
): Record<string, unknown> {
  const shipped = shippedConfig('kiosk') as { delivery: { channels: DeskChannel[] } & Record<string, unknown> } & Record<string, unknown>;
  const template = shipped.delivery.channels.find((channel) => channel.type === 'desk');
  if (!template) throw new Error('the shipped kiosk config has no desk channel');
  const channels = receiverPorts.map((port, index) => ({ ...template, id: `desk-${index + 1}`, url: `http://127.0.0.1:${port}/lobby/v1` }));
  return { ...shipped, kiosk, delivery: { ...shipped.delivery, channels, ...delivery } };
}
