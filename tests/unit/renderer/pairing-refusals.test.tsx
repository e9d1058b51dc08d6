import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AddKiosk } from '../../../renderer/src/admin/sections/pairing/add-kiosk';
import { genericRefusal, refusalKey, refusalKeys } from '../../../renderer/src/admin/sections/pairing/refusal-key';
import type { CallFailure } from '../../../shared/call-result';
import type { LobbyApi } from '../../../shared/contract';
import { pairingRefusals } from '../../../shared/trust';
import { resourcesDir } from '../support/temp-config';
import { renderWithI18n } from './controls/support/render-with-i18n';

afterEach(cleanup);

const languages = ['en', 'es', 'ar', 'vi'] as const;

/** The admin words of one language, read from the shipped file. */
function adminWords(language: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(resourcesDir, 'locales', language, 'admin.json'), 'utf8')) as Record<string, unknown>;
}

/** The sentence at a dotted key, or undefined. */
function sentenceAt(words: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], words);
}

const refusedWith = (reason: string | undefined, message: string): CallFailure => ({
  name: 'CallFailure',
  code: 'refused',
  message,
  issues: [],
  ...(reason === undefined ? {} : { reason }),
});

/** An admin API whose "Add a kiosk" is refused as given. */
const refusingApi = (failure: CallFailure) => ({ 'admin.pairing.createCode': () => Promise.reject(failure) }) as unknown as LobbyApi;

describe('pairing refusals on the admin screen', () => {
  it('every refusal code the core can give has its own sentence in all four languages', () => {
    for (const language of languages) {
      const words = adminWords(language);
      for (const code of pairingRefusals) {
        const key = refusalKeys[code];
        expect(sentenceAt(words, key), `${language}: ${code} → ${key}`).toMatch(/\S/);
      }
      expect(sentenceAt(words, genericRefusal), `${language}: the generic refusal`).toMatch(/\S/);
      expect(sentenceAt(words, 'pairing.refused.badInput'), `${language}: bad input`).toMatch(/\S/);
    }
  });

  it('a code the screen does not know shows the generic refusal in the screen language, whatever its English sentence says', async () => {
    // The sentence would have matched "wrong code" when the screen read the text; only the code counts now.
    const api = refusingApi(refusedWith('desk-on-fire', 'that code is not right'));
    await renderWithI18n(<AddKiosk api={api} />, 'es');
    await userEvent.click(screen.getByRole('button', { name: 'Agregar un quiosco' }));
    const generic = sentenceAt(adminWords('es'), genericRefusal);
    expect((await screen.findByRole('alert')).textContent).toBe(generic);
  });

  it('a known code picks its sentence even when the English sentence beside it says something else', async () => {
    const api = refusingApi(refusedWith('code-expired', 'that code is not right'));
    await renderWithI18n(<AddKiosk api={api} />, 'vi');
    await userEvent.click(screen.getByRole('button', { name: sentenceAt(adminWords('vi'), 'pairing.addKiosk') as string }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentenceAt(adminWords('vi'), 'pairing.refused.expired'));
  });

  it('a refusal without a code, a failure that is not a call failure, and bad input each get a sentence', () => {
    expect(refusalKey(refusedWith(undefined, 'the desk refused'))).toBe(genericRefusal);
    expect(refusalKey(new Error('could not be reached'))).toBe(genericRefusal);
    expect(refusalKey({ ...refusedWith(undefined, 'x'), code: 'invalid-input' })).toBe('pairing.refused.badInput');
    // A code named like an Object property is not a code.
    expect(refusalKey(refusedWith('toString', 'x'))).toBe(genericRefusal);
  });
});
