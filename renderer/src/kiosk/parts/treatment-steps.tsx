import { useTranslation } from 'react-i18next';

/** What happens after you ask, in order (CONTENT.md topic 5). Without a heading level, the list stands alone. */
export function TreatmentSteps({ headingLevel }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('kiosk');
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const list = (
    <ol className="numbered">
      <li>{t('after.talk')}</li>
      <li>{t('after.ride')}</li>
      <li>{t('after.assess')}</li>
      <li>{t('after.care')}</li>
    </ol>
  );
  if (!headingLevel) return list;
  return (
    <section className="steps" aria-labelledby="treatment-steps">
      <Heading id="treatment-steps">{t('after.title')}</Heading>
      {list}
    </section>
  );
}
