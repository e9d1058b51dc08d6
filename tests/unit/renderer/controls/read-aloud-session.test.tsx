import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeKiosks, renderKiosk, type KioskHarness } from '../kiosk-harness';
import { FakeSpeechSynthesis, FakeUtterance, voice } from './support/fake-speech';

let engine: FakeSpeechSynthesis;
beforeEach(() => {
  engine = new FakeSpeechSynthesis();
  engine.voices = [voice('en-US'), voice('es-MX')];
  vi.stubGlobal('speechSynthesis', engine);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(async () => {
  await closeKiosks();
  vi.unstubAllGlobals();
});

type User = KioskHarness['user'];
const tap = async (user: User, name: string | RegExp) => user.click(await screen.findByRole('button', { name }));
const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

describe('the reading volume in the kiosk', () => {
  it('stays at the level the person chose from screen to screen, and is back at medium for the next person', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Volume: Medium');
    await tap(user, 'Touch here to start');
    await heading('How can we help?');
    await tap(user, /^Get help for myself/);
    expect(await screen.findByRole('button', { name: 'Volume: Loud' })).toBeTruthy();
    await tap(user, 'Read aloud');
    expect(engine.spoken.length).toBeGreaterThan(0);
    expect(engine.spoken.every((utterance) => utterance.volume === 1)).toBe(true);

    await tap(user, 'Start over');
    await heading('Need help with drugs or alcohol?');
    expect(await screen.findByRole('button', { name: 'Volume: Medium' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Volume: Loud' })).toBeNull();
  });
});
