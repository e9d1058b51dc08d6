import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageInfo, ReadyBootstrap } from '../../../shared/bootstrap';
import type { LobbyApi } from '../../../shared/contract';
import { useAfterFirstPaint } from '../api/after-first-paint';
import { useDocumentLanguage } from '../common/use-document-language';
import { KioskSession } from './kiosk-session';
import { DisplayPrefsProvider } from './controls/display-prefs';
import { IdleGuard } from './controls/idle';
import { useTimeout } from './session/use-timeout';
import type { ScreenHold } from '../../../shared/request-status';
import { useVoiceReport } from './controls/read-aloud/use-voice-report';
import { useNoCopy } from './controls/use-no-copy';

/**
 * While the welcome screen shows nothing of anyone there is nothing to forget,
 * so the idle warning waits a day instead of interrupting an empty lobby
 * every minute. (Under the 24.8-day setTimeout limit.)
 */
const untouchedWarnAfterSeconds = 24 * 60 * 60;

/** Tells main which languages have a voice; after the first paint, so the speech engine's start is not part of it. */
function VoiceReport({ api, languages }: { api: LobbyApi; languages: readonly LanguageInfo[] }) {
  useVoiceReport(api, languages);
  return null;
}

/**
 * The public kiosk. While this visit's request waits for an answer on the
 * status or emergency screen, the idle warning waits too (a day, as on the
 * untouched welcome screen); after the answer the screen stays
 * answeredStaySeconds, then starts over. On reset (idle or "Start over") the session remounts with
 * a new key, which wipes every answer; the language and display settings go
 * back to the defaults. A request already sent is the core's to deliver: the
 * screen just forgets it.
 */
export function KioskApp({ bootstrap, api }: { bootstrap: ReadyBootstrap; api: LobbyApi }) {
  useDocumentLanguage(bootstrap.languages);
  useNoCopy();
  const painted = useAfterFirstPaint();
  const { i18n } = useTranslation();
  const [resetKey, setResetKey] = useState(0);
  const [pristine, setPristine] = useState(true);
  const defaultLanguage = bootstrap.profile.languages.default;
  const language = i18n.resolvedLanguage ?? i18n.language;

  const reset = useCallback(() => {
    void i18n.changeLanguage(defaultLanguage);
    setPristine(true);
    setResetKey((key) => key + 1);
    // Main empties the clipboard. The screen starts over whether or not that call gets through, even
    // with an API that lacks it (a stand-in), so the call's failure, thrown or rejected, stays here.
    void Promise.resolve()
      .then(() => api['kiosk.sessionEnded']({}))
      .catch(() => undefined);
  }, [i18n, defaultLanguage, api]);

  const [hold, setHold] = useState<ScreenHold>('idle');
  // After the officer's answer the screen has told the person all it can: it leaves quietly, without asking.
  useTimeout(hold === 'after-answer' ? bootstrap.idle.answeredStaySeconds * 1000 : null, reset);

  const untouched = pristine && language === defaultLanguage;
  const waitsWithPerson = hold !== 'idle';
  return (
    <DisplayPrefsProvider resetKey={resetKey}>
      <IdleGuard
        warnAfterSeconds={untouched || waitsWithPerson ? untouchedWarnAfterSeconds : bootstrap.idle.warnAfterSeconds}
        countdownSeconds={bootstrap.idle.countdownSeconds}
        onReset={reset}
      >
        <KioskSession
          key={resetKey}
          bootstrap={bootstrap}
          api={api}
          onStartOver={reset}
          onPristineChange={setPristine}
          onHoldChange={setHold}
        />
      </IdleGuard>
      {painted && <VoiceReport api={api} languages={bootstrap.languages} />}
    </DisplayPrefsProvider>
  );
}
