import { useTranslation } from 'react-i18next';
import { nextVolume, volumeStep, volumeSteps, type VolumeLevel } from './volume';

/**
 * Bars that rise with the level, filled up to it: the level at a glance for someone who cannot read the word.
 * They rise in the reading direction, so they mirror in right-to-left languages.
 */
function VolumeBars({ level }: { level: VolumeLevel }) {
  const filled = volumeStep(level);
  return (
    <svg className="icon icon--directional read-aloud__bars" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {Array.from({ length: volumeSteps }, (_, index) => {
        const height = 8 + index * 7;
        return (
          <rect
            key={index}
            x={2 + index * 8}
            y={23 - height}
            width="5"
            height={height}
            rx="1"
            fill={index < filled ? 'currentColor' : 'none'}
            stroke="currentColor"
            strokeWidth="1.5"
          />
        );
      })}
    </svg>
  );
}

/**
 * One button for the reading's volume. It says its level in words ("Volume: Medium", one string per level for translators), which is also its name for a
 * screen reader, and each tap moves to the next level (quiet, medium, loud, then quiet again): one target in the tool
 * bar instead of three, so the bar stays one row.
 */
export function VolumeButton({ level, onChange }: { level: VolumeLevel; onChange: (level: VolumeLevel) => void }) {
  const { t } = useTranslation('controls');
  return (
    <button type="button" className="button read-aloud__volume" data-level={level} onClick={() => onChange(nextVolume(level))}>
      <VolumeBars level={level} />
      <span>{t(`readAloud.volume.${level}`)}</span>
    </button>
  );
}
