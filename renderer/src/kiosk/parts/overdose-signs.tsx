import { useTranslation } from 'react-i18next';

const signs = ['wake', 'breathing', 'lips', 'pupils', 'sounds'] as const;

/** The signs of an overdose and what to do, in plain words (CONTENT.md topic 8). One block, so a wide screen can set it beside the rest. */
export function OverdoseSigns({ naloxoneAtDesk }: { naloxoneAtDesk: boolean }) {
  const { t } = useTranslation('kiosk');
  return (
    <div className="overdose-signs">
      <section aria-labelledby="overdose-signs">
        <h2 id="overdose-signs">{t('overdose.signsTitle')}</h2>
        <ul className="bullets">
          {signs.map((sign) => (
            <li key={sign}>{t(`overdose.signs.${sign}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="overdose-do">
        <h2 id="overdose-do">{t('overdose.doTitle')}</h2>
        <ul className="bullets">
          <li>{t('overdose.do.naloxone')}</li>
          {naloxoneAtDesk && <li>{t('overdose.do.naloxoneAtDesk')}</li>}
          <li>{t('overdose.do.stay')}</li>
          <li>{t('overdose.do.operator')}</li>
        </ul>
      </section>
    </div>
  );
}
