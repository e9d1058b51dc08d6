import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../common/language-picker';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';

/** The first thing a person sees: the language choice first, then what this is, and one large "start". */
export function WelcomeScreen() {
  const { t } = useTranslation('kiosk');
  const { bootstrap, dispatch, emergency } = useKiosk();
  if (bootstrap.notSetUp) return <NotSetUp />;
  return (
    <>
      <LanguagePicker languages={bootstrap.languages} />
      <ScreenHeading>{t('welcome.title')}</ScreenHeading>
      <p className="lead">{t('welcome.body')}</p>
      <button
        type="button"
        className="button button--primary button--start"
        onClick={() => dispatch({ type: 'go', screen: { name: 'home' } })}
      >
        {t('welcome.start')}
      </button>
      <p className="notice">{t('welcome.howToAsk')}</p>
      <div className="notice notice--urgent notice--with-action">
        <p>{t('welcome.emergency')}</p>
        <button type="button" className="button button--urgent" onClick={emergency}>
          {t('welcome.emergencyButton')}
        </button>
      </div>
    </>
  );
}

/**
 * A kiosk with no admin PIN yet (the core marks its bootstrap `notSetUp`): it
 * must not serve the public before the department has set it up, so it offers
 * no way in, only where to go and the emergency number. Holding the agency's
 * name still opens the admin screen, where the department chooses the PIN.
 */
function NotSetUp() {
  const { t } = useTranslation('kiosk');
  const { bootstrap } = useKiosk();
  return (
    <>
      <LanguagePicker languages={bootstrap.languages} />
      <ScreenHeading>{t('notSetUp.title')}</ScreenHeading>
      <p className="lead" data-not-set-up="">
        {t('notSetUp.body')}
      </p>
      <p className="notice notice--urgent">{t('notSetUp.emergency')}</p>
    </>
  );
}
