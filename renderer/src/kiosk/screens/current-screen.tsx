import { DangerStep } from '../request/danger-step';
import { ItemsStep } from '../request/items-step';
import { NameStep } from '../request/name-step';
import { ReviewStep } from '../request/review-step';
import type { Screen } from '../session/screens';
import { DropOffScreen } from './drop-off-screen';
import { EmergencyScreen } from './emergency-screen';
import { FaqScreen } from './faq-screen';
import { FaqTopicScreen } from './faq-topic-screen';
import { HomeScreen } from './home-screen';
import { NotReadyScreen } from './not-ready-screen';
import { ProgramScreen } from './program-screen';
import { StatusScreen } from './status-screen';
import { WelcomeScreen } from './welcome-screen';

/** The component for each screen. */
export function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'home':
      return <HomeScreen />;
    case 'program':
      return <ProgramScreen />;
    case 'faq':
      return <FaqScreen />;
    case 'faq-topic':
      return <FaqTopicScreen topic={screen.topic} />;
    case 'drop-off':
      return <DropOffScreen />;
    case 'not-ready':
      return <NotReadyScreen />;
    case 'emergency':
      return <EmergencyScreen />;
    case 'request-danger':
      return <DangerStep />;
    case 'request-name':
      return <NameStep />;
    case 'request-items':
      return <ItemsStep />;
    case 'request-review':
      return <ReviewStep />;
    case 'status':
      return <StatusScreen />;
  }
}
