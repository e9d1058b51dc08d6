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
 * - One volume button sits beside it, showing its level ("Volume: Medium",
 *   with bars); each tap moves to the next level (quiet, medium, loud, then
 *   quiet). A tap while reading starts the reading again at the new volume,
 *   so the person hears the change. The level stays while this component
 *   does: through every screen of one person's visit (the tool bar stays),
 *   back to medium when the session starts over (the kiosk remounts it).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/controls.css';
import { signalActivity } from './activity';
import { readableText, speakableLines } from './read-aloud/readable-text';
import { useSpeech } from './read-aloud/use-speech';
import { useStopOnChange } from './read-aloud/use-stop-on-change';
import { findVoice, useVoiceFor } from './read-aloud/use-voice';
import { startingVolume, volumeLevels, type VolumeLevel } from './read-aloud/volume';
import { VolumeButton } from './read-aloud/volume-button';

export function ReadAloudButton({ targetRef, language }: { targetRef: RefObject<HTMLElement | null>; language: string }) {
  const { t } = useTranslation('controls');
  const voiceUri = useVoiceFor(language);
  const [volume, setVolume] = useState<VolumeLevel>(startingVolume);
  const { speaking, speak, stop } = useSpeech();
  const box = useRef<HTMLDivElement>(null);

  // A reading in the old language must not go on over the new one.
  useEffect(() => stop, [language, stop]);
  useStopOnChange(targetRef, speaking, stop);

  const start = useCallback(
    (level: VolumeLevel) => {
      const target = targetRef.current;
      const voice = findVoice(language);
      if (target && voice) speak(speakableLines(readableText(target)), voice, volumeLevels[level], () => signalActivity(box.current));
    },
    [targetRef, language, speak],
  );

  if (voiceUri === null) return null;
  return (
    <div ref={box} className="read-aloud" data-no-read-aloud="">
      <button type="button" className="button read-aloud__toggle" onClick={() => (speaking ? stop() : start(volume))}>
        {speaking ? t('readAloud.stop') : t('readAloud.start')}
      </button>
      <VolumeButton
        level={volume}
        onChange={(level) => {
          setVolume(level);
          if (speaking) start(level);
        }}
      />
    </div>
  );
}
