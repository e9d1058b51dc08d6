import { afterEach, describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../../shared/config.js';
import { isPrintableText } from '../../../shared/printable-text.js';
import { requestInputSchema } from '../../../shared/request.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { post, requestCreated, requestUpdated } from './support/backend-client.js';

afterEach(closeAllDesks);

/** Each character class the rule refuses, one example each. */
const unprintable = {
  'C0 control': 'Ma\u0007ya',
  DEL: 'Ma\u007fya',
  'C1 control': 'Ma\u0085ya',
  'bidi override': 'Ma\u202eya',
  'bidi embedding': 'Ma\u202aya',
  'bidi isolate': 'Ma\u2066ya',
  'zero-width space': 'Ma\u200bya',
  'zero-width joiner': 'Ma\u200dya',
  'byte order mark': 'Ma\ufeffya',
  'line separator': 'Ma\u2028ya',
  'lone surrogate': 'Ma\ud800ya',
};

describe('the printable-text rule (shared/printable-text.ts)', () => {
  it.each(Object.entries(unprintable))('refuses a %s', (_name, text) => {
    expect(isPrintableText(text)).toBe(false);
  });

  it('accepts names in every script the kiosk offers, with their marks', () => {
    for (const name of ['Maya', 'Nguyễn', 'محمد', 'Renée', 'O’Brien', 'Jean-Luc']) expect(isPrintableText(name)).toBe(true);
  });

  it("is the kiosk's own rule too: a first name with an invisible character is refused by name of the rule", () => {
    const parsed = requestInputSchema.safeParse({
      kind: 'help-self',
      firstName: 'Ma\u200bya',
      turningIn: false,
      dangerNow: false,
      language: 'en',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/visible characters/);
  });
});

describe('the configuration applies the printable-text rule to the names a kiosk sends', () => {
  it('a kiosk location with a bidi override is a config error naming the field, so no desk ever refuses its requests for it', () => {
    const parsed = deviceConfigSchema.safeParse({
      schemaVersion: 1,
      role: 'kiosk',
      kiosk: { id: 'K1', location: 'Lobby\u202e1' },
      delivery: {},
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['kiosk', 'location'], message: expect.stringMatching(/visible characters/) });
  });
});

describe('the receiver applies the text rules to every text field it stores or shows', () => {
  const fields: Array<[string, (text: string) => object]> = [
    ['request.firstName', (text) => requestCreated({ firstName: text })],
    ['request.kiosk.location', (text) => requestCreated({ kiosk: { id: 'K1', location: text } })],
    ['request.agency', (text) => requestCreated({ agency: text })],
    ['request.program', (text) => requestCreated({ program: text })],
  ];

  it.each(fields)('%s with a bidi override or zero-width character is refused 400 naming the field', async (field, build) => {
    const desk = await startDesk();
    for (const text of ['Lobby\u202e1', 'Lob\u200bby']) {
      const answer = await post(`${desk.url()}/requests`, build(text));
      expect(answer).toMatchObject({ status: 400, json: { error: 'invalid-body', message: expect.stringContaining(`${field}:`) } });
    }
    expect((await desk.handlers['desk.getState']({})).requests).toEqual([]);
  });

  it("a first name that breaks the kiosk's first-name rule (digits, symbols, too long) is refused", async () => {
    const desk = await startDesk();
    for (const firstName of ['Maya2', 'Maya <b>', 'M'.repeat(31)]) {
      const answer = await post(`${desk.url()}/requests`, requestCreated({ firstName }));
      expect(answer).toMatchObject({ status: 400, json: { message: expect.stringMatching(/^request\.firstName: /) } });
    }
  });

  it('an acknowledgement whose desk name hides a bidi override is refused before it reaches the console', async () => {
    const desk = await startDesk();
    const created = requestCreated();
    await post(`${desk.url()}/requests`, created);
    const update = requestUpdated(created.request.id, {
      acknowledgement: { messageKey: 'coming-now', deskId: 'D2', deskName: 'Back\u202edesk', at: new Date().toISOString() },
    });
    expect(await post(`${desk.url()}/updates`, update)).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/^acknowledgement\.deskName: /) },
    });
  });
});
