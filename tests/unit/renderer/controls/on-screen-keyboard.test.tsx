import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnScreenKeyboard } from '../../../../renderer/src/kiosk/controls/on-screen-keyboard';
import { renderWithI18n } from './support/render-with-i18n';

afterEach(cleanup);

/** A first-name field as a screen would hold it: the value lives outside the keyboard. */
function NameField({ language, maxLength = 30, onDone = () => {} }: { language: string; maxLength?: number; onDone?: () => void }) {
  const [name, setName] = useState('');
  return (
    <>
      <output data-testid="name">{name}</output>
      <OnScreenKeyboard
        value={name}
        onChange={setName}
        language={language}
        maxLength={maxLength}
        onDone={onDone}
        label="Keyboard for your first name"
      />
    </>
  );
}

const typed = () => screen.getByTestId('name').textContent;

async function press(...keys: string[]) {
  for (const key of keys) await userEvent.click(screen.getByRole('button', { name: key }));
}

describe('the on-screen keyboard', () => {
  it('types a Spanish name with accents, capitals at the start of each part', async () => {
    await renderWithI18n(<NameField language="es" />, 'es');
    await press('M', 'a', 'r', 'í', 'a', 'Guion', 'J', 'o', 's', 'é', 'Espacio', 'N', 'ú', 'ñ', 'e', 'z');
    expect(typed()).toBe('Mar\u00EDa-Jos\u00E9 N\u00FA\u00F1ez');
  });

  it('types a Vietnamese name with a tone mark as one NFC string', async () => {
    await renderWithI18n(<NameField language="vi" />, 'vi');
    await press('N', 'g', 'u', 'y', 'ê', 'ã, dấu ngã', 'n');
    expect(typed()).toBe('Nguy\u1EC5n');
    expect(typed()).toBe(typed()?.normalize('NFC'));
  });

  it('opens in Arabic, right to left, for an Arabic reader, and types an Arabic name', async () => {
    await renderWithI18n(<NameField language="ar" />, 'ar');
    const letters = document.querySelector('.osk__letters');
    expect(letters?.getAttribute('dir')).toBe('rtl');
    expect(letters?.getAttribute('lang')).toBe('ar');
    await press('ف', 'ا', 'ط', 'م', 'ة');
    expect(typed()).toBe('\u0641\u0627\u0637\u0645\u0629');
  });

  it('switches from Arabic to Latin letters and back, since a name may be in either script', async () => {
    await renderWithI18n(<NameField language="ar" />, 'ar');
    await press('ABC لاتيني');
    expect(document.querySelector('.osk__letters')?.getAttribute('dir')).toBe('ltr');
    expect(document.querySelector('.osk__letters')?.getAttribute('lang')).toBe('en');
    await press('S', 'a', 'm');
    await press('أبت عربي');
    expect(screen.getByRole('button', { name: 'أبت عربي' }).getAttribute('aria-pressed')).toBe('true');
    expect(typed()).toBe('Sam');
  });

  it('offers Arabic letters from the English keyboard', async () => {
    await renderWithI18n(<NameField language="en" />);
    await press('أبت Arabic', 'ع', 'ل', 'ي');
    expect(typed()).toBe('علي');
  });

  it('stops at maxLength and says so by marking the letter keys unavailable', async () => {
    await renderWithI18n(<NameField language="en" maxLength={3} />);
    await press('A', 'n', 'n', 'a');
    expect(typed()).toBe('Ann');
    expect(screen.getByRole('button', { name: 'a' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('backspace removes a whole accented letter', async () => {
    await renderWithI18n(<NameField language="vi" />, 'vi');
    await press('N', 'g', 'u', 'y', 'ê', 'ã, dấu ngã', 'Xóa');
    expect(typed()).toBe('Nguy');
  });

  it('shift gives one small letter at the start, then capitals return after a space', async () => {
    await renderWithI18n(<NameField language="en" />);
    const shift = screen.getByRole('button', { name: 'Capital letters' });
    expect(shift.getAttribute('aria-pressed')).toBe('true');
    await press('Capital letters', 'd', 'e', 'Space', 'L', 'a');
    expect(typed()).toBe('de La');
  });

  it('never starts a name with a space, hyphen or apostrophe', async () => {
    await renderWithI18n(<NameField language="en" />);
    await press('Space', 'Hyphen', 'Apostrophe');
    expect(typed()).toBe('');
  });

  it('has a Done key that hands control back to the screen', async () => {
    const onDone = vi.fn();
    await renderWithI18n(<NameField language="en" onDone={onDone} />);
    await press('Done');
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('is one named group of real buttons, operable from a keyboard', async () => {
    await renderWithI18n(<NameField language="en" />);
    const group = screen.getByRole('group', { name: 'Keyboard for your first name' });
    const keys = within(group).getAllByRole('button');
    expect(
      keys.every((key) => key.getAttribute('type') === 'button' && (key.textContent ?? '') + (key.getAttribute('aria-label') ?? '') !== ''),
    ).toBe(true);
    screen.getByRole('button', { name: 'A' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(typed()).toBe('A');
  });

  it("keeps its rows and the bottom row's places when switching to a script without capitals", async () => {
    await renderWithI18n(<NameField language="en" />);
    const shape = () => [...document.querySelectorAll('.osk > .osk__row')].map((row) => row.children.length);
    const before = shape();
    await press('أبت Arabic');
    expect(screen.queryByRole('button', { name: 'Capital letters' })).toBeNull();
    expect(shape()).toEqual(before);
  });
});
