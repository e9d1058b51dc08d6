import { useEffect } from 'react';
import type { LanguageInfo } from '../../../../../shared/bootstrap';
import type { LobbyApi } from '../../../../../shared/contract';
import { findVoice, speechEngine } from './use-voice';

/** How long to wait for voices that may never come (Linux without speech-dispatcher) before reporting. */
export const voiceReportWaitMs = 5_000;

/**
 * Tells main once, when the kiosk starts, which screen languages this machine
 * can read aloud, so the log shows a missing voice that the screen hides.
 * Voices load late in Chromium, or never: report on the first list, or after a wait.
 */
export function useVoiceReport(api: LobbyApi, languages: readonly LanguageInfo[]): void {
  const codes = languages.map((language) => language.code).join(',');
  useEffect(() => {
    const engine = speechEngine();
    let sent = false;
    const report = () => {
      if (sent) return;
      sent = true;
      const withVoice = codes.split(',').filter((code) => code !== '' && findVoice(code) !== null);
      // Only for the log: a failure to report must never reach the person at the screen.
      api['app.reportVoices']({ withVoice }).catch(() => undefined);
    };
    if ((engine?.getVoices().length ?? 0) > 0) {
      report();
      return undefined;
    }
    engine?.addEventListener('voiceschanged', report);
    const timer = setTimeout(report, voiceReportWaitMs);
    return () => {
      clearTimeout(timer);
      engine?.removeEventListener('voiceschanged', report);
    };
  }, [api, codes]);
}
