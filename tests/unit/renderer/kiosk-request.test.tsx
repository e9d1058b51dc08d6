import { createServer, type Server } from 'node:http';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LobbyApi } from '../../../shared/contract';
import { closeKiosks, loopbackSecret, renderKiosk, requestOnDesk, type KioskHarness } from './kiosk-harness';

const servers: Server[] = [];
afterEach(async () => {
  await closeKiosks();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

type User = KioskHarness['user'];
const tap = (user: User, name: string | RegExp) => user.click(screen.getByRole('button', { name }));
const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

/** Welcome → home → "Get help for myself" → not in danger → name (or skip) → not turning anything in → review. */
async function answerUpToReview(user: User, firstName?: string) {
  await tap(user, 'Touch here to start');
  await heading('How can we help?');
  await tap(user, /^Get help for myself/);
  await heading('Is anyone in danger right now?');
  await tap(user, 'No');
  await heading('What is your first name?');
  if (firstName) {
    await user.type(screen.getByLabelText('First name'), firstName);
    await tap(user, 'Next');
  } else {
    await tap(user, 'Skip');
  }
  await heading('Are you turning in drugs or needles today?');
  await tap(user, 'No');
  await heading('Check your request');
}

/** A loopback server that refuses every request with 400, as a misconfigured receiver would. */
async function refusingServer(): Promise<string> {
  const server = createServer((_req, res) => {
    res.statusCode = 400;
    res.end('{}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/lobby/v1`;
}

describe('asking for help at the kiosk', () => {
  it("in Spanish: the desk gets exactly the answers given, and the screen follows the request to the officer's answer, in Spanish", async () => {
    const { user, desk } = await renderKiosk();
    await tap(user, 'Español');
    await tap(user, 'Toque aquí para empezar');
    await heading('¿Cómo le podemos ayudar?');
    await tap(user, /^Quiero ayuda para mí/);
    await heading('¿Hay alguien en peligro ahora mismo?');
    await tap(user, 'No');
    await user.type(await screen.findByLabelText('Nombre (sin apellido)'), 'Lucía');
    await tap(user, 'Siguiente');
    await heading('¿Va a entregar drogas o agujas hoy?');
    await tap(user, 'Sí');
    await heading('Revise su solicitud');
    expect(screen.getByText('Lucía')).toBeTruthy();
    expect(screen.getByText('Ayuda para mí')).toBeTruthy();
    expect(screen.getByText('Solo los oficiales de la recepción ven esto.')).toBeTruthy();
    await tap(user, 'Enviar a la recepción');

    await heading('Su solicitud');
    expect(await screen.findByText(/^La recepción ya tiene su solicitud/, {}, { timeout: 5000 })).toBeTruthy();
    const onDesk = await requestOnDesk(desk);
    expect(onDesk).toMatchObject({
      kind: 'help-self',
      firstName: 'Lucía',
      language: 'es',
      turningIn: true,
      dangerNow: false,
      priority: 'normal',
    });
    expect(screen.getByText(onDesk?.reference ?? 'missing')).toBeTruthy();
    expect(screen.queryByText('Un oficial respondió:')).toBeNull();

    await desk['desk.acknowledge']({ id: onDesk?.id ?? '', messageKey: 'coming-now' });
    expect(await screen.findByText('Un oficial va hacia usted ahora mismo.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Un oficial respondió:')).toBeTruthy();
    // The whole visit, two cores and a poll: room on a shared machine.
  }, 15_000);

  it('before the desk has it, the screen claims only that it is saved', async () => {
    const { user } = await renderKiosk({ withoutDesk: true });
    await answerUpToReview(user);
    await tap(user, 'Send to the front desk');
    expect(await screen.findByText('Your request is saved. We are sending it to the front desk now.')).toBeTruthy();
    expect(screen.queryByText(/front desk has your request/i)).toBeNull();
    expect(screen.queryByText(/officer is coming/i)).toBeNull();
    const steps = document.querySelector<HTMLElement>('.status-steps');
    if (!steps) throw new Error('no status steps');
    expect(within(steps).getByText('Saved on this kiosk').parentElement?.dataset.done).toBe('true');
    expect(within(steps).getByText('Front desk has it').parentElement?.dataset.done).toBe('false');
    expect(screen.getByText(/^K1-\d{4}$/)).toBeTruthy();
    expect(screen.getByText('Your number, to give at the window:')).toBeTruthy();
  });

  it('when the request could not be saved, the screen says so and offers only the other ways to get help', async () => {
    const { user } = await renderKiosk({
      api: (api) => ({ ...api, 'request.submit': () => Promise.reject(new Error('disk full')) }) as LobbyApi,
    });
    await answerUpToReview(user, 'Maya');
    await tap(user, 'Send to the front desk');
    expect(await screen.findByText('We could not send your request.')).toBeTruthy();
    expect(screen.getByText('Go to the front window.')).toBeTruthy();
    expect(screen.getByText('Call (816) 969-7390.')).toBeTruthy();
    expect(screen.queryByText('Your number, to give at the window:')).toBeNull();
    expect(screen.queryByText('Saved on this kiosk')).toBeNull();
    expect(screen.queryByText(/keep trying/)).toBeNull();
  });

  it('when the desk refuses the request for good, the fallback is all the screen offers', async () => {
    const url = await refusingServer();
    const { user } = await renderKiosk({
      withoutDesk: true,
      device: (json) => ({
        ...json,
        delivery: { ...(json.delivery as object), channels: [{ id: 'front-desk', type: 'desk', url, secret: loopbackSecret }] },
      }),
    });
    await answerUpToReview(user);
    await tap(user, 'Send to the front desk');
    expect(await screen.findByText('We could not reach the front desk.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Go to the front window.')).toBeTruthy();
    expect(screen.queryByText(/keep trying/)).toBeNull();
  });

  it('when sending takes too long, the screen gives the other ways to get help (the lobby phone too, where there is one) while it keeps trying', async () => {
    const { user } = await renderKiosk({
      withoutDesk: true,
      device: (json) => ({ ...json, delivery: { ...(json.delivery as object), fallbackAfterSeconds: 3 } }),
      profile: (json) => ({ ...json, agency: { ...(json.agency as object), lobbyPhone: true } }),
    });
    await answerUpToReview(user);
    await tap(user, 'Send to the front desk');
    expect(await screen.findByText('This kiosk will keep trying to reach the front desk.', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByText('Use the lobby phone.')).toBeTruthy();
    expect(screen.getByText("We can't reach the front desk yet.")).toBeTruthy();
    expect(screen.queryByText('Your request is saved. We are sending it to the front desk now.')).toBeNull();
  }, 15_000);
});

describe('the emergency path', () => {
  it('one tap on the home screen pages the desk at top priority and says to call 911', async () => {
    const { user, desk } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Emergency: someone may be overdosing/);
    await heading('Call 911 now');
    expect(screen.getByText('Tell the officer at the front window right away.')).toBeTruthy();
    expect(screen.getByText('Signs of an overdose')).toBeTruthy();
    await waitFor(
      async () => expect(await requestOnDesk(desk)).toMatchObject({ kind: 'emergency', priority: 'emergency', dangerNow: true }),
      { timeout: 5000 },
    );
    expect(await screen.findByText(/^The front desk has your request/)).toBeTruthy();
  });

  it('answering "someone is in danger" leaves the questions and pages the desk at top priority', async () => {
    const { user, desk } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Get help for someone with me/);
    await tap(user, 'Yes, someone is in danger');
    await heading('Call 911 now');
    await waitFor(async () => expect(await requestOnDesk(desk)).toMatchObject({ priority: 'emergency', dangerNow: true }), {
      timeout: 5000,
    });
  });

  it('the same person tapping emergency again is not paged twice; the screen shows the page already sent', async () => {
    let submits = 0;
    const { user, desk } = await renderKiosk({
      api: (api) => ({ ...api, 'request.submit': (input) => ((submits += 1), api['request.submit'](input)) }) as LobbyApi,
    });
    await tap(user, 'Touch here to start');
    await tap(user, /^Emergency: someone may be overdosing/);
    await heading('Call 911 now');
    await waitFor(async () => expect((await desk['desk.getState']({})).requests).toHaveLength(1), { timeout: 5000 });
    await tap(user, 'Back');
    await heading('How can we help?');
    await tap(user, /^Emergency: someone may be overdosing/);
    await heading('Call 911 now');
    expect(submits).toBe(1);
    expect(await screen.findByText(/^The front desk has your request/)).toBeTruthy();
  });

  it('two Send activations in the same task (a stuck key, a bouncing touch driver) make one request', async () => {
    const returned: string[] = [];
    const counting = (api: LobbyApi): LobbyApi => ({
      ...api,
      'request.submit': async (input) => {
        const view = await api['request.submit'](input);
        returned.push(view.id);
        return view;
      },
    });
    const { user, desk } = await renderKiosk({ api: counting });
    await answerUpToReview(user);
    const send = screen.getByRole('button', { name: 'Send to the front desk' });
    act(() => {
      send.click();
      send.click();
    });
    await waitFor(() => expect(returned).toHaveLength(2));
    expect(new Set(returned).size).toBe(1);
    await waitFor(async () => expect((await desk['desk.getState']({})).requests.map((r) => r.id)).toEqual([returned[0]]), {
      timeout: 5000,
    });
  });

  it("after Start over the next person's emergency carries a key of its own, not taken for the last person's", async () => {
    const keys: (string | undefined)[] = [];
    const { user } = await renderKiosk({
      api: (api) => ({ ...api, 'request.submit': (input) => (keys.push(input.idempotencyKey), api['request.submit'](input)) }) as LobbyApi,
    });
    for (let visit = 0; visit < 2; visit += 1) {
      await tap(user, 'Touch here to start');
      await tap(user, /^Emergency: someone may be overdosing/);
      await heading('Call 911 now');
      await tap(user, 'Start over');
      await heading('Need help with drugs or alcohol?');
    }
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{24}-emergency$/);
    expect(keys[1]).toMatch(/^[0-9a-f]{24}-emergency$/);
    expect(keys[1]).not.toBe(keys[0]);
  });
});
