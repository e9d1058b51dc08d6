import { useTranslation } from 'react-i18next';
import { ChoiceButton } from '../parts/choice-button';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import type { Screen } from '../session/screens';

/** A few large choices. The emergency comes first and pages the desk at once. */
export function HomeScreen() {
  const { t } = useTranslation('kiosk');
  const { dispatch, chooseHelp, emergency } = useKiosk();
  const go = (screen: Screen) => dispatch({ type: 'go', screen });
  return (
    <>
      <ScreenHeading>{t('home.title')}</ScreenHeading>
      <ChoiceButton tone="urgent" title={t('home.emergency')} hint={t('home.emergencyHint')} onClick={emergency} />
      <div className="choices">
        <ChoiceButton title={t('home.helpSelf')} hint={t('home.helpSelfHint')} onClick={() => chooseHelp('help-self')} />
        <ChoiceButton title={t('home.helpSomeone')} hint={t('home.helpSomeoneHint')} onClick={() => chooseHelp('help-someone')} />
        <ChoiceButton title={t('home.dropOff')} hint={t('home.dropOffHint')} onClick={() => go({ name: 'drop-off' })} />
        <ChoiceButton title={t('home.learn')} hint={t('home.learnHint')} onClick={() => go({ name: 'program' })} />
      </div>
      <div className="choices choices--secondary">
        <ChoiceButton tone="secondary" title={t('home.faq')} onClick={() => go({ name: 'faq' })} />
        <ChoiceButton tone="secondary" title={t('home.notReady')} onClick={() => go({ name: 'not-ready' })} />
      </div>
    </>
  );
}
