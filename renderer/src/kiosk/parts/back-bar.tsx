import { useTranslation } from 'react-i18next';
import { useKiosk } from '../session/kiosk-context';
import { BackIcon } from './icons';

/** "Back" to the screen before, at the foot of every screen that has one. */
export function BackBar() {
  const { t } = useTranslation('kiosk');
  const { state, dispatch } = useKiosk();
  if (state.history.length < 2) return null;
  return (
    <div className="screen-actions">
      <button type="button" className="button button--quiet" onClick={() => dispatch({ type: 'back' })}>
        <BackIcon /> {t('frame.back')}
      </button>
    </div>
  );
}
