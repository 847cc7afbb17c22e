/** Dates, language names and shares in the UI language. */
import { describe, expect, it } from 'vitest';
import { formatDate, languageName, percent } from '../../web/src/lib/display-format.ts';
import { MESSAGES, UI_LANGS } from '../../web/src/lib/messages.ts';

describe('display format', () => {
  it('writes dates the local way and keeps malformed input', () => {
    expect(formatDate('2026-02-03', 'fi')).toBe('3.2.2026');
    expect(formatDate('2026-02-03', 'en')).toBe('03/02/2026');
    expect(formatDate('soon', 'sv')).toBe('soon');
  });

  it('names languages in the UI language, Finnish Sign Language included', () => {
    expect(languageName('ar', 'fi', MESSAGES.fi.signLanguage)).toBe('arabia');
    expect(languageName('fi', 'en', MESSAGES.en.signLanguage)).toBe('Finnish');
    expect(languageName('fse', 'sv', MESSAGES.sv.signLanguage)).toBe('finskt teckenspråk');
  });

  it('rounds shares to whole percentages within 0-100', () => {
    expect(percent(0.25)).toBe(25);
    expect(percent(1.4)).toBe(100);
  });
});

describe('messages', () => {
  it('has every text in every language', () => {
    const keys = Object.keys(MESSAGES.fi).sort();
    for (const { code } of UI_LANGS) {
      expect(Object.keys(MESSAGES[code]).sort(), code).toEqual(keys);
      for (const key of keys) {
        const value = MESSAGES[code][key as keyof typeof MESSAGES.fi];
        expect(value, `${code}.${key}`).toBeTruthy();
      }
    }
  });
});
