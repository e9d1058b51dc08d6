import { describe, expect, it } from 'vitest';
import { afterName, initialSession, isPristine, sessionReducer } from '../../../renderer/src/kiosk/session/session-state';
import { firstNameProblem } from '../../../renderer/src/kiosk/request/first-name-problem';
import { telLink } from '../../../renderer/src/kiosk/parts/tel-link';
import { requestInputSchema } from '../../../shared/request';

describe("the screen's first-name rule agrees with the core's schema", () => {
  const names = [
    '',
    ' ',
    'Ana',
    'Anne-Marie',
    "O'Brien",
    'O’Brien',
    'Zoë',
    'Nguyễn',
    'Thắm',
    'محمد',
    'José Luis',
    'Ana3',
    'R2D2',
    '<b>',
    'Ana!',
    '-Ana',
    "'",
    'a'.repeat(30),
    'a'.repeat(31),
    ` ${'a'.repeat(30)} `,
    'Mary\n',
  ];

  it.each(names)('first name %j: accepted by one exactly when accepted by the other', (name) => {
    const schema = requestInputSchema.safeParse({
      kind: 'help-self',
      firstName: name,
      turningIn: false,
      dangerNow: false,
      language: 'en',
    }).success;
    expect(firstNameProblem(name) === null, JSON.stringify(name)).toBe(schema);
  });

  it('says which rule a name breaks', () => {
    expect(firstNameProblem('Ana3')).toBe('lettersOnly');
    expect(firstNameProblem('a'.repeat(31))).toBe('tooLong');
  });
});

describe('the visit, step by step', () => {
  it('starts on the welcome screen with nothing answered', () => {
    expect(initialSession.history).toEqual([{ name: 'welcome' }]);
    expect(isPristine(initialSession)).toBe(true);
  });

  it('a drop-off is already "turning something in", so that question is skipped', () => {
    const state = sessionReducer(initialSession, { type: 'start-request', kind: 'drop-off' });
    expect(state.answers).toMatchObject({ kind: 'drop-off', turningIn: true });
    expect(afterName(state.answers)).toEqual({ name: 'request-review' });
    expect(afterName({ firstName: '', kind: 'help-self' })).toEqual({ name: 'request-items' });
  });

  it('changing one answer from the review goes back to the review', () => {
    let state = sessionReducer(initialSession, { type: 'go', screen: { name: 'request-review' } });
    state = sessionReducer(state, { type: 'edit', screen: { name: 'request-name' } });
    state = sessionReducer(state, { type: 'step-done', next: { name: 'request-items' } });
    expect(state.history.at(-1)).toEqual({ name: 'request-review' });
    expect(state.editing).toBe(false);
  });

  it('back never leaves the first screen', () => {
    expect(sessionReducer(initialSession, { type: 'back' })).toBe(initialSession);
  });
});

describe('the take-away QR code', () => {
  it('carries only a phone number as a tel: link', () => {
    expect(telLink('1-800-662-4357')).toBe('tel:18006624357');
    expect(telLink('+1 (816) 969-7390')).toBe('tel:+18169697390');
    expect(telLink('988')).toBe('tel:988');
  });
});
