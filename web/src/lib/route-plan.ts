/**
 * The route planner's shapes and pure helpers: the form -> the API's `CaseInput`, the form -> the
 * share-link profile (never the description), and an itinerary -> what the map shows. Pure.
 */
import type { ChannelCode } from './messages.ts';
import type { RouteProfile, Urgency } from './url-state.ts';

export type AgeBand = '0-6' | '7-12' | '13-17';
export type FamilyKnows = 'yes' | 'no' | 'unknown';

/** Languages offered as checkboxes; any other ISO 639-1 code can be typed. */
export const COMMON_LANGUAGES = ['fi', 'sv', 'en', 'ar', 'so', 'ru', 'fa', 'ku', 'et', 'fse'];
export const URGENCIES: readonly Urgency[] = ['ACUTE', 'SOON', 'ROUTINE'];
export const CHANNELS: readonly ChannelCode[] = [
  'PHONE',
  'VIDEO',
  'CHAT',
  'EMAIL',
  'ON_SITE',
  'NETWORK_MEETING',
  'WORK_PAIR',
];
export const AGE_BANDS: readonly AgeBand[] = ['0-6', '7-12', '13-17'];

/** The planner form. Age band and family knowledge are reminders for the worker: never sent. */
export interface RouteForm {
  text: string;
  lineCodes: string[];
  municipality: string;
  languages: string[];
  /** Further language codes typed by the worker, separated by commas or spaces. */
  otherLanguages: string;
  urgency: Urgency;
  channels: ChannelCode[];
  ageBand: AgeBand | null;
  familyKnows: FamilyKnows;
}

/** The API's `CaseInput`. */
export interface CaseInput {
  text?: string;
  lineCodes?: string[];
  municipality?: string;
  languages?: string[];
  urgency: Urgency;
  channels?: ChannelCode[];
}

export interface PlanLine {
  code: string;
  name: string;
  color: string;
}

export interface PlanStopLine extends PlanLine {
  instructions: string | null;
}

export interface PlanStation {
  __typename: 'Expert' | 'Unit';
  id: string;
  name: string;
  channels: ChannelCode[];
  organisation: { name: string } | null;
  title?: string;
  available?: boolean;
  awayUntil?: string | null;
  languages?: string[];
  description?: string | null;
}

export interface PlanStop {
  line: PlanStopLine;
  station: PlanStation;
  reasons: string[];
}

export interface PlanItinerary {
  score: number;
  explanation: string;
  transfer: boolean;
  fallback: boolean;
  stops: PlanStop[];
}

export interface RoutePlan {
  emergencyNotice: string | null;
  notice: string | null;
  matchedLines: PlanLine[];
  lineMatches: Array<{ line: PlanLine; matchedTerms: string[]; picked: boolean }>;
  itineraries: PlanItinerary[];
}

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** The typed language codes, lower-cased; `invalid` holds what is not a 2-3 letter code. */
export function parseLanguageCodes(input: string): { codes: string[]; invalid: string[] } {
  const parts = input
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  return {
    codes: [...new Set(parts.filter((part) => LANGUAGE_CODE.test(part)))],
    invalid: parts.filter((part) => !LANGUAGE_CODE.test(part)),
  };
}

/** Picked and typed languages, once each, picked first. */
export function formLanguages(form: Pick<RouteForm, 'languages' | 'otherLanguages'>): string[] {
  return [...new Set([...form.languages, ...parseLanguageCodes(form.otherLanguages).codes])];
}

/** What is sent to `routeCase`: empty fields are left out; age band and family never. */
export function toCaseInput(form: RouteForm): CaseInput {
  const text = form.text.trim();
  const municipality = form.municipality.trim();
  const languages = formLanguages(form);
  return {
    ...(text !== '' ? { text } : {}),
    ...(form.lineCodes.length > 0 ? { lineCodes: [...form.lineCodes] } : {}),
    ...(municipality !== '' ? { municipality } : {}),
    ...(languages.length > 0 ? { languages } : {}),
    urgency: form.urgency,
    ...(form.channels.length > 0 ? { channels: [...form.channels] } : {}),
  };
}

/** The share-link profile: lines, municipality, languages and urgency. The text has no place here. */
export function toRouteProfile(form: RouteForm): RouteProfile {
  const municipality = form.municipality.trim();
  return {
    lines: [...form.lineCodes],
    municipality: municipality !== '' ? municipality : null,
    languages: formLanguages(form),
    urgency: form.urgency,
  };
}

/** The form fields a shared profile fills in; the common languages go to the checkboxes. */
export function formFromProfile(
  profile: RouteProfile,
): Pick<RouteForm, 'lineCodes' | 'municipality' | 'languages' | 'otherLanguages' | 'urgency'> {
  return {
    lineCodes: [...profile.lines],
    municipality: profile.municipality ?? '',
    languages: profile.languages.filter((code) => COMMON_LANGUAGES.includes(code)),
    otherLanguages: profile.languages.filter((code) => !COMMON_LANGUAGES.includes(code)).join(', '),
    urgency: profile.urgency ?? 'ROUTINE',
  };
}

/** What the map shows for an itinerary: its first line focused and its stations ringed. */
export function itineraryMapView(itinerary: PlanItinerary): {
  lineCode: string | null;
  stationIds: string[];
} {
  return {
    lineCode: itinerary.stops[0]?.line.code ?? null,
    stationIds: [...new Set(itinerary.stops.map((stop) => stop.station.id))],
  };
}

/** Each line's instructions once, in stop order (two stops on one line share them). */
export function itineraryInstructions(
  itinerary: PlanItinerary,
): Array<{ line: PlanLine; instructions: string }> {
  const seen = new Set<string>();
  const result: Array<{ line: PlanLine; instructions: string }> = [];
  for (const { line } of itinerary.stops) {
    if (!seen.has(line.code) && line.instructions?.trim()) {
      seen.add(line.code);
      result.push({
        line: { code: line.code, name: line.name, color: line.color },
        instructions: line.instructions,
      });
    }
  }
  return result;
}

/** The list with `value` added (at the end) or removed. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
