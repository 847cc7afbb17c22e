/**
 * The zod pieces every edit's input is built from, with messages a coordinator can act on:
 * each says what to write instead. Field paths are added by `validateArgs`.
 */
import { z } from 'zod';
import { lineColourProblem } from '../../../../common/line-palette.ts';
import { CHANNELS, SERVICE_LEVELS } from '../stations/station.schema.ts';

export const lineCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^L\d{1,3}$/, 'give a line code such as L8 (L and a number)');

export const expectedVersion = z
  .number()
  .int('give the version you loaded, a whole number')
  .min(0, 'give the version you loaded, 0 or more');

export const stationId = z
  .string()
  .trim()
  .min(1, 'give a station id')
  .max(200, 'is too long for a station id');

/** A required text of `min` to `max` characters, e.g. the Finnish name. */
export function requiredText(what: string, min: number, max: number) {
  return z
    .string(`write ${what}`)
    .trim()
    .min(min, `write ${what} (at least ${min} characters)`)
    .max(max, `shorten ${what} to at most ${max} characters`);
}

/** An optional text: empty or missing means none. */
export function optionalText(what: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `shorten ${what} to at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
}

export const lineNames = z.object({
  fi: requiredText('the Finnish name', 2, 120),
  sv: optionalText('the Swedish name', 120),
  en: optionalText('the English name', 120),
});

export const lineColour = z
  .string('choose a colour from the line palette')
  .trim()
  .toLowerCase()
  .superRefine((color, issue) => {
    const problem = lineColourProblem(color);
    if (problem) {
      issue.addIssue({ code: 'custom', message: problem });
    }
  });

export const lineTexts = (what: string, max: number) =>
  z.object({
    fi: optionalText(`the Finnish ${what}`, max),
    sv: optionalText(`the Swedish ${what}`, max),
    en: optionalText(`the English ${what}`, max),
  });

const keywordTerm = z
  .string()
  .trim()
  .min(2, 'each keyword needs at least 2 characters')
  .max(80, 'shorten each keyword to at most 80 characters')
  .refine((term) => !/[|<>]/.test(term), 'a keyword cannot contain | < or >');

const keywordList = (language: string) =>
  z.array(keywordTerm).max(200, `give at most 200 ${language} keywords`);

export const lineKeywords = z.object({
  fi: keywordList('Finnish').min(1, 'give at least one Finnish keyword'),
  sv: keywordList('Swedish'),
  en: keywordList('English'),
});

export const channels = z
  .array(z.enum(CHANNELS, `use one of ${CHANNELS.join(', ')}`))
  .min(1, 'give at least one consultation channel')
  .transform((list) => [...new Set(list)]);

export const serviceLevel = z.enum(SERVICE_LEVELS, `use one of ${SERVICE_LEVELS.join(', ')}`);

export const languages = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^([a-z]{2}|fse)$/,
        'use ISO 639-1 codes such as fi, sv, en, or fse for sign language',
      ),
  )
  .min(1, 'give at least one language the expert consults in')
  .max(30, 'give at most 30 languages')
  .transform((list) => [...new Set(list)]);

export const regionCodes = z
  .array(z.string().trim().min(1, 'give a region code').max(20, 'is too long for a region code'))
  .max(100, 'give at most 100 regions')
  .transform((list) => [...new Set(list)].sort());

export const methodIds = z
  .array(z.string().trim().min(1, 'give a method id').max(80, 'is too long for a method id'))
  .max(50, 'give at most 50 methods')
  .transform((list) => [...new Set(list)].sort());

export const otShare = z
  .number('give the OT share as a number from 0 to 1')
  .min(0, 'give the OT share as a number from 0 to 1 (0.2 = one day a week)')
  .max(1, 'give the OT share as a number from 0 to 1 (1 = full time)');

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'give the date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'give a date that exists, as YYYY-MM-DD');

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, 'shorten the e-mail address')
  .pipe(z.email('give a work e-mail address such as etunimi.sukunimi@pirha.fi'))
  .nullish()
  .transform((value) => value ?? null);

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,28}$/, 'give a phone number such as +358 40 123 4567')
  .nullish()
  .transform((value) => value ?? null);

export const organisationId = z
  .string()
  .trim()
  .min(1, 'give an organisation id')
  .max(80, 'is too long for an organisation id')
  .nullish()
  .transform((value) => value ?? null);

/** A 1-based position along a line. */
export const position = z
  .number()
  .int('give the position as a whole number')
  .min(1, 'give a position of 1 or more (1 = first station)');

/** A map coordinate: finite and on the map. */
export const coordinate = z
  .number()
  .finite()
  .min(-100_000, 'keep the position within ±100000 map units')
  .max(100_000, 'keep the position within ±100000 map units');
