import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { LazyQrCode } from '../parts/lazy-parts';
import { telLink } from '../parts/tel-link';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';

/** Not ready today: the program is here any time, the helplines, and a take-away that holds no personal data. */
export function NotReadyScreen() {
  const { t } = useTranslation('kiosk');
  const { bootstrap } = useKiosk();
  const { phones, program } = bootstrap.profile;
  return (
    <>
      <ScreenHeading>{t('notReady.title')}</ScreenHeading>
      <p className="lead">{t('notReady.comeBack')}</p>
      <p>{program.openAllHours ? t('program.hoursAlways') : t('program.hoursAsk')}</p>
      <div className="cards">
        <section className="card" aria-labelledby="helpline">
          <h2 id="helpline">{t('notReady.helpline.title')}</h2>
          <p className="phone-number">{t('notReady.helpline.call')}</p>
          <p>{t('notReady.helpline.about')}</p>
        </section>
        <section className="card" aria-labelledby="crisis-line">
          <h2 id="crisis-line">{t('notReady.crisis.title')}</h2>
          <p className="phone-number">{t('notReady.crisis.call')}</p>
          <p>{t('notReady.crisis.about')}</p>
        </section>
      </div>
      <section className="card card--qr" aria-labelledby="take-away">
        {/* Only the helpline's number: nothing about the person, nothing from this visit. */}
        <Suspense fallback={<div className="qr-code" />}>
          <LazyQrCode text={telLink(phones.helpline)} label={t('notReady.qr.label')} />
        </Suspense>
        <div>
          <h2 id="take-away">{t('notReady.qr.title')}</h2>
          <p>{t('notReady.qr.how')}</p>
          <p>{t('notReady.qr.private')}</p>
        </div>
      </section>
      <BackBar />
    </>
  );
}
