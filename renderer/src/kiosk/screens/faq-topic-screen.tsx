import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { OverdoseSigns } from '../parts/overdose-signs';
import { ScreenHeading } from '../parts/screen-heading';
import { TreatmentSteps } from '../parts/treatment-steps';
import { useKiosk } from '../session/kiosk-context';
import type { FaqTopic } from '../session/screens';

/** The answer's paragraphs, by key under faq.topics.<topic>, in order. */
const paragraphs: Record<FaqTopic, readonly string[]> = {
  cost: ['free', 'noInsurance', 'insurance'],
  arrest: ['dropOff', 'warrant'],
  who: ['anyone'],
  after: [],
  changeMind: ['yes', 'stop'],
  someoneElse: ['yes', 'want', 'notHere'],
  comeBack: ['yes', 'again'],
  overdose: ['call'],
  privacy: ['who', 'what', 'why', 'keep'],
};

/** One question and its short answer: one idea per screen. */
export function FaqTopicScreen({ topic }: { topic: FaqTopic }) {
  const { t } = useTranslation('kiosk');
  return (
    <>
      <ScreenHeading>{t(`faq.topics.${topic}.question`)}</ScreenHeading>
      <div className="prose">
        {paragraphs[topic].map((key) => (
          <p key={key}>{t(`faq.topics.${topic}.${key}`)}</p>
        ))}
        <TopicExtra topic={topic} />
      </div>
      <BackBar />
    </>
  );
}

/** What some answers add: facts from the profile, a list, or the way to act on the answer. */
function TopicExtra({ topic }: { topic: FaqTopic }): ReactNode {
  const { t } = useTranslation('kiosk');
  const { bootstrap, chooseHelp, emergency } = useKiosk();
  const { program } = bootstrap.profile;
  switch (topic) {
    case 'who':
      return (
        <>
          {program.minimumAge > 0 && <p>{t('faq.topics.who.age')}</p>}
          <p>{program.residencyRequired ? t('faq.topics.who.residencyRequired') : t('faq.topics.who.anyCity')}</p>
        </>
      );
    case 'after':
      // The question is the heading already: the steps need none of their own.
      return <TreatmentSteps />;
    case 'overdose':
      return (
        <>
          <OverdoseSigns naloxoneAtDesk={program.naloxoneAtDesk} />
          <button type="button" className="button button--urgent" onClick={emergency}>
            {t('faq.topics.overdose.alert')}
          </button>
        </>
      );
    case 'someoneElse':
      return (
        <button type="button" className="button button--primary" onClick={() => chooseHelp('help-someone')}>
          {t('home.helpSomeone')}
        </button>
      );
    default:
      return null;
  }
}
