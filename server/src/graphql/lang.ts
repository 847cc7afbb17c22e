/** The UI and content languages: Finnish first, then Swedish and English. */
import { builder } from './builder.ts';

export const LANGS = ['FI', 'SV', 'EN'] as const;
export type Lang = (typeof LANGS)[number];

export const LangEnum = builder.enumType('Lang', {
  description: 'Content language: Finnish (default), Swedish or English.',
  values: {
    FI: { description: 'suomi' },
    SV: { description: 'svenska' },
    EN: { description: 'English' },
  },
});

/** The text in `lang` (Finnish when not given), or the Finnish text when that translation is missing. */
export function inLanguage(
  texts: { fi: string | null; sv: string | null; en: string | null },
  lang: Lang | null | undefined,
): string | null {
  const wanted = lang === 'SV' ? texts.sv : lang === 'EN' ? texts.en : texts.fi;
  return wanted?.trim() ? wanted : texts.fi;
}
