import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { setupI18n } from '../../../../../renderer/src/i18n/setup-i18n';

/** Renders with the real bundled translations, in `language`, as the kiosk does. */
export async function renderWithI18n(ui: ReactElement, language = 'en') {
  const i18n = await setupI18n({ language });
  const view = render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
  return { ...view, i18n, rerender: (next: ReactElement) => view.rerender(<I18nextProvider i18n={i18n}>{next}</I18nextProvider>) };
}
