/**
 * Every screen of the public kiosk. A screen is data, so the flow can be
 * tested without drawing it and an end-to-end test can visit each one.
 */

/** The questions-and-answers topics (CONTENT.md "Topics the kiosk must cover"). */
export const faqTopics = ['cost', 'arrest', 'who', 'after', 'changeMind', 'someoneElse', 'comeBack', 'overdose', 'privacy'] as const;
export type FaqTopic = (typeof faqTopics)[number];

export type Screen =
  | { name: 'welcome' }
  | { name: 'home' }
  | { name: 'program' }
  | { name: 'faq' }
  | { name: 'faq-topic'; topic: FaqTopic }
  | { name: 'drop-off' }
  | { name: 'not-ready' }
  | { name: 'emergency' }
  | { name: 'request-danger' }
  | { name: 'request-name' }
  | { name: 'request-items' }
  | { name: 'request-review' }
  | { name: 'status' };

export type ScreenName = Screen['name'];

/** The value of `data-screen`: unique per screen, so tests and the read-aloud target can find it. */
export function screenId(screen: Screen): string {
  return screen.name === 'faq-topic' ? `faq-${screen.topic}` : screen.name;
}
