import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import { faqTopics, type Screen } from '../session/screens';

/** Every question in CONTENT.md, one tap each; some lead to their own screens. */
export function FaqScreen() {
  const { t } = useTranslation('kiosk');
  const { dispatch } = useKiosk();
  const entries: Array<{ id: string; question: string; screen: Screen }> = [
    { id: 'what', question: t('faq.what'), screen: { name: 'program' } },
    ...faqTopics.map((topic) => ({
      id: topic,
      question: t(`faq.topics.${topic}.question`),
      screen: { name: 'faq-topic', topic } as const,
    })),
    { id: 'dropOff', question: t('faq.dropOff'), screen: { name: 'drop-off' } },
    { id: 'notReady', question: t('faq.notReady'), screen: { name: 'not-ready' } },
  ];
  return (
    <>
      <ScreenHeading>{t('faq.title')}</ScreenHeading>
      <p className="lead">{t('faq.intro')}</p>
      <ul className="question-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <button type="button" className="question" onClick={() => dispatch({ type: 'go', screen: entry.screen })}>
              {entry.question}
            </button>
          </li>
        ))}
      </ul>
      <BackBar />
    </>
  );
}
