/**
 * Numbers, durations, times and language names in the console's own
 * language, through Intl: no interpolated strings to translate, and every
 * locale gets its own units and word order.
 */

type UnitName = 'hour' | 'minute' | 'second';

// Waiting times are formatted every second for every card: building an Intl formatter costs far more than using one.
const unitFormats = new Map<string, Intl.NumberFormat>();
const agoFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();

/** One formatter per language and style, made once: the kiosk table's clocks and every card ask again on each change. */
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    dateFormats.set(key, format);
  }
  return format;
}

function unit(language: string, value: number, name: UnitName): string {
  const key = `${language}|${name}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
    unitFormats.set(key, format);
  }
  return format.format(value);
}

/** "45 sec", "4 min 05 sec", "1 hr 3 min": precise to the second under an hour, since a desk watches it tick. */
export function formatDuration(language: string, totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${unit(language, hours, 'hour')} ${unit(language, minutes, 'minute')}`;
  if (minutes > 0) return `${unit(language, minutes, 'minute')} ${unit(language, rest, 'second')}`;
  return unit(language, rest, 'second');
}

/** "6 sec ago", "hace 6 s": how long since a kiosk was last heard from, in the largest whole unit. */
export function formatAgo(language: string, totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  let format = agoFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'short' });
    agoFormats.set(language, format);
  }
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  return format.format(-Math.floor(seconds / 3600), 'hour');
}

export function secondsBetween(fromIso: string, nowMs: number): number {
  return (nowMs - Date.parse(fromIso)) / 1000;
}

export function formatTime(language: string, iso: string): string {
  return dateFormat(language, { timeStyle: 'short' }).format(new Date(iso));
}

export function formatDateTime(language: string, iso: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A report bucket's ISO date ("2026-11-22"), shown as a short local date without shifting time zones. */
export function formatDay(language: string, isoDate: string): string {
  return dateFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A request's language by name in the console's language ("Spanish", "español"), or its code if unknown. */
export function languageName(consoleLanguage: string, code: string): string {
  try {
    let names = languageNames.get(consoleLanguage);
    if (!names) {
      names = new Intl.DisplayNames([consoleLanguage], { type: 'language' });
      languageNames.set(consoleLanguage, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
