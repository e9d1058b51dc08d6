import { screen } from '@testing-library/react';
import { create } from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import { faqTopics } from '../../../renderer/src/kiosk/session/screens';
import { closeKiosks, renderKiosk, type KioskHarness } from './kiosk-harness';

afterEach(closeKiosks);

type User = KioskHarness['user'];
const tap = (user: User, name: string | RegExp) => user.click(screen.getByRole('button', { name }));
const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

/** i18next shows a missing string as its key: "faq.topics.cost.question". */
const rawKey = /\b[a-z][A-Za-z]*\.[a-z][A-Za-z]*(\.[A-Za-z0-9]+)*\b/;

/** The path a QR code's dark modules make, as the kiosk draws it, for a given text. */
function qrPath(text: string): string {
  const modules = create(text, { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let row = 0; row < modules.size; row += 1)
    for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  return d;
}

describe("the kiosk's screens", () => {
  it('"not ready today" gives both helplines and a QR code that holds only the helpline\'s number', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, 'Not ready today?');
    await heading('Not ready today? That is OK.');
    expect(screen.getByText('Call 1-800-662-4357')).toBeTruthy();
    expect(screen.getByText('Call or text 988')).toBeTruthy();
    const qr = await screen.findByRole('img', { name: 'Code to call 1-800-662-4357' });
    expect(qr.querySelector('path')?.getAttribute('d')).toBe(qrPath('tel:18006624357'));
  });

  it('the drop-off screen says how to hand things over safely and never to leave them here', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Turn in drugs or needles/);
    await heading('Turn in drugs or needles');
    expect(screen.getByText('Keep needles capped, or put them in a hard box or bottle with a lid.')).toBeTruthy();
    expect(screen.getByText('Never leave anything in the lobby or in this kiosk.')).toBeTruthy();
    await tap(user, 'Call an officer to take them');
    await heading('Is anyone in danger right now?');
    await tap(user, 'No');
    await tap(user, 'Skip');
    // Turning something in is what a drop-off is: that question is not asked.
    await heading('Check your request');
    expect(screen.getByText('Turn in drugs or needles', { selector: 'dd span' })).toBeTruthy();
  });

  it('every questions-and-answers topic opens in Spanish, with no string missing', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Español');
    await tap(user, 'Toque aquí para empezar');
    await tap(user, 'Preguntas y respuestas');
    await heading('Preguntas y respuestas');
    const questions = screen.getAllByRole('listitem').length;
    expect(questions).toBe(faqTopics.length + 3);
    for (const [index, topic] of faqTopics.entries()) {
      // The list starts with "What is Safe Passage?", then the topics in order.
      const button = [...document.querySelectorAll<HTMLButtonElement>('.question-list button')][index + 1];
      if (!button) throw new Error(`no question for ${topic}`);
      const question = button.textContent ?? '';
      await user.click(button);
      await heading(question);
      expect(document.querySelector('main')?.textContent ?? '', topic).not.toMatch(rawKey);
      await tap(user, 'Atrás');
      await heading('Preguntas y respuestas');
    }
  });

  it('the warrant answer promises nothing beyond what the officer will explain', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, 'Questions and answers');
    await tap(user, 'Will I get in trouble?');
    expect(
      screen.getByText(
        'If you have a warrant, tell the officer. It does not stop you from getting help. The officer will explain what happens next.',
      ),
    ).toBeTruthy();
  });

  it('a department states its own warrant policy through the profile, in the language it writes it for', async () => {
    const policy = 'If you have a warrant, tell the officer. Our judges decide about warrants. The officer will explain what happens next.';
    const { user } = await renderKiosk({
      profile: (json) => ({ ...json, textOverrides: { en: { 'kiosk:faq.topics.arrest.warrant': policy } } }),
    });
    await tap(user, 'Touch here to start');
    await tap(user, 'Questions and answers');
    await tap(user, 'Will I get in trouble?');
    expect(screen.getByText(policy)).toBeTruthy();
  });

  it("shows the department's logo from the profile, and the naloxone line only where the desk keeps it", async () => {
    const logo = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>').toString('base64')}`;
    const { user } = await renderKiosk({
      profile: (json) => ({
        ...json,
        agency: { ...(json.agency as object), logoDataUrl: logo },
        program: { ...(json.program as object), naloxoneAtDesk: true },
      }),
    });
    expect(document.querySelector('.masthead img')?.getAttribute('src')).toBe(logo);
    await tap(user, 'Touch here to start');
    await tap(user, 'Questions and answers');
    await tap(user, 'What if someone is overdosing?');
    expect(screen.getByText('The front desk has naloxone. Ask the officer for it.')).toBeTruthy();
  });

  it('without naloxone at the desk, the screen does not say there is some', async () => {
    const { user } = await renderKiosk();
    expect(document.querySelector('.masthead img')).toBeNull();
    await tap(user, 'Touch here to start');
    await tap(user, 'Questions and answers');
    await tap(user, 'What if someone is overdosing?');
    expect(screen.queryByText(/front desk has naloxone/)).toBeNull();
    expect(screen.getByText('If you have naloxone (Narcan), give it now.')).toBeTruthy();
  });
});
