/** Dates, languages and shares as a reader of the UI language expects them. Pure. */
import type { UiLang } from './messages.ts';

const LOCALES: Record<UiLang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** An ISO date (YYYY-MM-DD) as a local date, e.g. 3.2.2026 in Finnish; malformed input as is. */
export function formatDate(isoDate: string, lang: UiLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) {
    return isoDate;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // Noon UTC keeps the date the same in every time zone.
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * The name of a language given as an ISO 639-1 code, in the UI language; `fse` (Finnish Sign
 * Language) has no name in Intl and comes from `signLanguage`.
 */
export function languageName(code: string, lang: UiLang, signLanguage: string): string {
  if (code === 'fse') {
    return signLanguage;
  }
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A share 0-1 as a whole percentage. */
export function percent(share: number): number {
  return Math.round(Math.min(Math.max(share, 0), 1) * 100);
}
