import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisplayPrefsProvider, DisplayToggles } from '../../../../renderer/src/kiosk/controls/display-prefs';
import { renderWithI18n } from './support/render-with-i18n';

afterEach(cleanup);

const root = document.documentElement;
const kiosk = (resetKey: number) => (
  <DisplayPrefsProvider resetKey={resetKey}>
    <DisplayToggles />
  </DisplayPrefsProvider>
);

describe('display preferences', () => {
  it('start with normal text and the normal palette', async () => {
    await renderWithI18n(kiosk(1));
    expect(root.hasAttribute('data-text-size')).toBe(false);
    expect(root.hasAttribute('data-contrast')).toBe(false);
    expect(screen.getByRole('button', { name: 'Larger text' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'High contrast' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('larger text sets data-text-size="large" on the page, and a second press takes it off', async () => {
    await renderWithI18n(kiosk(1));
    const toggle = screen.getByRole('button', { name: 'Larger text' });
    fireEvent.click(toggle);
    expect(root.getAttribute('data-text-size')).toBe('large');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(root.hasAttribute('data-text-size')).toBe(false);
  });

  it('high contrast sets data-contrast="high" on the page, independently of text size', async () => {
    await renderWithI18n(kiosk(1));
    fireEvent.click(screen.getByRole('button', { name: 'High contrast' }));
    expect(root.getAttribute('data-contrast')).toBe('high');
    expect(root.hasAttribute('data-text-size')).toBe(false);
  });

  it('a new person (a new resetKey) gets the defaults back', async () => {
    const view = await renderWithI18n(kiosk(1));
    fireEvent.click(screen.getByRole('button', { name: 'Larger text' }));
    fireEvent.click(screen.getByRole('button', { name: 'High contrast' }));
    view.rerender(kiosk(2));
    expect(root.hasAttribute('data-text-size')).toBe(false);
    expect(root.hasAttribute('data-contrast')).toBe(false);
    expect(screen.getByRole('button', { name: 'Larger text' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('leaves nothing on the page when removed', async () => {
    const view = await renderWithI18n(kiosk(1));
    fireEvent.click(screen.getByRole('button', { name: 'High contrast' }));
    view.unmount();
    expect(root.hasAttribute('data-contrast')).toBe(false);
  });

  it("the toggles are labelled in the person's language", async () => {
    await renderWithI18n(kiosk(1), 'es');
    expect(screen.getByRole('group', { name: 'Opciones de pantalla' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Letra grande' })).toBeTruthy();
  });

  it('the toggles outside a provider fail loudly, so the mistake shows in tests', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(renderWithI18n(<DisplayToggles />)).rejects.toThrow(/DisplayPrefsProvider/);
    quiet.mockRestore();
  });
});
