/**
 * The part of the view that lives in the URL, so that a view can be shared and the back button
 * works: language, view, focused line, selected station, overlay layers and the non-personal
 * route profile of a shared consultation route. Nothing else ever goes into the URL (no search
 * text and never a case description: a worker may type a case detail into them). Pure.
 */

import type { UiLang } from './messages.ts';
import { LAYER_NAMES, type LayerName } from './network-map.types.ts';

export type ViewMode = 'map' | 'list' | 'route' | 'research' | 'health';

export type Urgency = 'ACUTE' | 'SOON' | 'ROUTINE';

/**
 * What a shared consultation route carries: who and where, never what happened. There is
 * deliberately no field for the description.
 */
export interface RouteProfile {
  lines: string[];
  /** Municipality code (e.g. 837) or plain name. */
  municipality: string | null;
  /** ISO 639-1 codes, or `fse`. */
  languages: string[];
  urgency: Urgency | null;
}

export interface UrlState {
  lang: UiLang;
  /** null: not chosen, the screen width decides (narrow screens open the list). */
  view: ViewMode | null;
  /** Focused line code. */
  line: string | null;
  /** Selected station id: its card is open. */
  station: string | null;
  /** Overlay layers switched on, in a fixed order. */
  layers: LayerName[];
  /** The route planner's profile; absent when empty. */
  route?: RouteProfile;
}

export const DEFAULT_URL_STATE: UrlState = {
  lang: 'fi',
  view: null,
  line: null,
  station: null,
  layers: [],
};

/** The only query parameters the app reads or writes. */
export const URL_KEYS = [
  'lang',
  'view',
  'line',
  'station',
  'layers',
  'lines',
  'municipality',
  'languages',
  'urgency',
] as const;

const LANGS: readonly UiLang[] = ['fi', 'sv', 'en'];
const VIEWS: readonly ViewMode[] = ['map', 'list', 'route', 'research', 'health'];
const URGENCIES: readonly Urgency[] = ['ACUTE', 'SOON', 'ROUTINE'];
/** Municipality codes and names: letters (also å, ä, ö), digits, spaces and hyphens. */
const MUNICIPALITY = /^[\p{L}0-9][\p{L}0-9 -]{0,39}$/u;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const MAX_LIST = 12;
const LINE_CODE = /^L[0-9]{1,3}$/;
const STATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function codeList(value: string | null, pattern: RegExp): string[] {
  const codes = (value ?? '').split(',').filter((code) => pattern.test(code));
  return [...new Set(codes)].slice(0, MAX_LIST);
}

/** True when the profile says nothing. */
export function isEmptyRouteProfile(profile: RouteProfile): boolean {
  return (
    profile.lines.length === 0 &&
    profile.municipality === null &&
    profile.languages.length === 0 &&
    profile.urgency === null
  );
}

function parseRouteProfile(params: URLSearchParams): RouteProfile | undefined {
  const municipality = params.get('municipality')?.trim() ?? null;
  const profile: RouteProfile = {
    lines: codeList(params.get('lines'), LINE_CODE),
    municipality: municipality !== null && MUNICIPALITY.test(municipality) ? municipality : null,
    languages: codeList(params.get('languages'), LANGUAGE_CODE),
    urgency: oneOf(params.get('urgency'), URGENCIES),
  };
  return isEmptyRouteProfile(profile) ? undefined : profile;
}

function routeProfileParams(profile: RouteProfile): string[] {
  const params: string[] = [];
  const lines = codeList(profile.lines.join(','), LINE_CODE);
  if (lines.length > 0) {
    params.push(`lines=${lines.join(',')}`);
  }
  const municipality = profile.municipality?.trim() ?? null;
  if (municipality !== null && MUNICIPALITY.test(municipality)) {
    params.push(`municipality=${encodeURIComponent(municipality)}`);
  }
  const languages = codeList(profile.languages.join(','), LANGUAGE_CODE);
  if (languages.length > 0) {
    params.push(`languages=${languages.join(',')}`);
  }
  if (profile.urgency !== null && URGENCIES.includes(profile.urgency)) {
    params.push(`urgency=${profile.urgency}`);
  }
  return params;
}

/** Reads the view from a query string (`?line=L8&lang=sv`); unknown or malformed values are ignored. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const line = params.get('line');
  const station = params.get('station');
  const layers = new Set((params.get('layers') ?? '').split(','));
  const route = parseRouteProfile(params);
  return {
    lang: oneOf(params.get('lang'), LANGS) ?? DEFAULT_URL_STATE.lang,
    view: oneOf(params.get('view'), VIEWS),
    line: line !== null && LINE_CODE.test(line) ? line : null,
    station: station !== null && STATION_ID.test(station) ? station : null,
    layers: LAYER_NAMES.filter((layer) => layers.has(layer)),
    ...(route ? { route } : {}),
  };
}

/**
 * The query string for a view, `?…` or empty; defaults are left out so the plain address is the
 * default view. Values that would not parse back are left out too.
 */
export function serializeUrlState(state: UrlState): string {
  // Every value is checked against a pattern of plain letters, digits, '-', '_' and ',', so it
  // needs no escaping and commas stay readable; only a municipality name is encoded.
  const params: string[] = [];
  if (state.lang !== DEFAULT_URL_STATE.lang && LANGS.includes(state.lang)) {
    params.push(`lang=${state.lang}`);
  }
  if (state.view !== null && VIEWS.includes(state.view)) {
    params.push(`view=${state.view}`);
  }
  if (state.line !== null && LINE_CODE.test(state.line)) {
    params.push(`line=${state.line}`);
  }
  if (state.station !== null && STATION_ID.test(state.station)) {
    params.push(`station=${state.station}`);
  }
  const layers = LAYER_NAMES.filter((layer) => state.layers.includes(layer));
  if (layers.length > 0) {
    params.push(`layers=${layers.join(',')}`);
  }
  if (state.route) {
    params.push(...routeProfileParams(state.route));
  }
  return params.length > 0 ? `?${params.join('&')}` : '';
}

/** True when both describe the same view. */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  return serializeUrlState(a) === serializeUrlState(b);
}
