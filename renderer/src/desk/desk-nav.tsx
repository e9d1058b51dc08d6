import { useTranslation } from 'react-i18next';

export const deskViews = ['live', 'history', 'reports'] as const;
export type DeskView = (typeof deskViews)[number];

/** Switches the console between its views; the current one is marked with aria-current, not colour alone. */
export function DeskNav({ view, onChoose }: { view: DeskView; onChoose: (view: DeskView) => void }) {
  const { t } = useTranslation('desk');
  return (
    <nav className="desk-nav" aria-label={t('nav.label')}>
      <ul className="inline-list">
        {deskViews.map((name) => (
          <li key={name}>
            <button
              type="button"
              className="button desk-nav__button"
              aria-current={name === view ? 'page' : undefined}
              onClick={() => onChoose(name)}
            >
              {t(`nav.${name}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
