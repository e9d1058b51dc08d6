/**
 * ReadAloudButton: reads the current screen aloud in its language.
 *
 * Usage: give the screen's content a ref and place the button on the screen:
 *
 *   const main = useRef<HTMLElement>(null);
 *   <main ref={main}>
 *     <ReadAloudButton targetRef={main} language={i18n.language} />
 *     ...
 *   </main>
 *
 * - Renders nothing where the browser has no speech engine or no voice for
 *   the language (it appears by itself if a voice loads later).
 * - Reads targetRef.current's visible text, skipping any element marked
 *   data-no-read-aloud (the button marks itself). Mark repeated chrome too.
 * - The button becomes "Stop reading" while speaking. Speech stops on
 *   unmount, when `language` changes and when the screen's text changes.
 * - A three-step volume choice (quiet, medium, loud) sits beside it; choosing
 *   one while reading starts the reading again at that volume.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/controls.css';
import { signalActivity } from './activity';
import { readableText, speakableLines } from './read-aloud/readable-text';
import { useSpeech } from './read-aloud/use-speech';
import { useStopOnChange } from './read-aloud/use-stop-on-change';
import { findVoice, useVoiceFor } from './read-aloud/use-voice';

const volumes = { quiet: 0.4, medium: 0.7, loud: 1 } as const;
type Volume = keyof typeof volumes;
const volumeSteps = Object.keys(volumes) as Volume[];

export function ReadAloudButton({ targetRef, language }: { targetRef: RefObject<HTMLElement | null>; language: string }) {
  const { t } = useTranslation('controls');
  const voiceUri = useVoiceFor(language);
  const [volume, setVolume] = useState<Volume>('medium');
  const { speaking, speak, stop } = useSpeech();
  const box = useRef<HTMLDivElement>(null);

  // A reading in the old language must not go on over the new one.
  useEffect(() => stop, [language, stop]);
  useStopOnChange(targetRef, speaking, stop);

  const start = useCallback(
    (level: Volume) => {
      const target = targetRef.current;
      const voice = findVoice(language);
      if (target && voice) speak(speakableLines(readableText(target)), voice, volumes[level], () => signalActivity(box.current));
    },
    [targetRef, language, speak],
  );

  if (voiceUri === null) return null;
  return (
    <div ref={box} className="read-aloud" data-no-read-aloud="">
      <button type="button" className="button read-aloud__toggle" onClick={() => (speaking ? stop() : start(volume))}>
        {speaking ? t('readAloud.stop') : t('readAloud.start')}
      </button>
      <div className="read-aloud__volume" role="group" aria-label={t('readAloud.volume')}>
        {volumeSteps.map((level) => (
          <button
            key={level}
            type="button"
            className="button"
            aria-pressed={level === volume}
            onClick={() => {
              setVolume(level);
              if (speaking) start(level);
            }}
          >
            {t(`readAloud.${level}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
