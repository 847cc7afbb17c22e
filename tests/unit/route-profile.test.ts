/**
 * The route planner's pure helpers: the share-link profile round-trips through the URL and never
 * carries the description; the form becomes the API's CaseInput without the UI-only reminders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formFromProfile,
  itineraryInstructions,
  itineraryMapView,
  type PlanItinerary,
  parseLanguageCodes,
  type RouteForm,
  toCaseInput,
  toggled,
  toRouteProfile,
} from '../../web/src/lib/route-plan.ts';
import {
  DEFAULT_URL_STATE,
  parseUrlState,
  type RouteProfile,
  serializeUrlState,
  URL_KEYS,
} from '../../web/src/lib/url-state.ts';

const MARKER = 'Salaisuusmerkki';

function form(overrides: Partial<RouteForm> = {}): RouteForm {
  return {
    text: `Perheessä epäillään kunniaväkivaltaa ${MARKER}`,
    lineCodes: ['L8'],
    municipality: '837',
    languages: ['ar', 'fi'],
    otherLanguages: 'ti',
    urgency: 'ACUTE',
    channels: ['PHONE'],
    ageBand: '13-17',
    familyKnows: 'no',
    ...overrides,
  };
}

const profiles = fc.record<RouteProfile>({
  lines: fc.uniqueArray(
    fc.integer({ min: 1, max: 999 }).map((n) => `L${n}`),
    { maxLength: 12 },
  ),
  municipality: fc.option(
    fc.oneof(fc.stringMatching(/^[0-9]{3}$/), fc.constantFrom('Tampere', 'Mänttä-Vilppula')),
    { nil: null },
  ),
  languages: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,3}$/), { maxLength: 12 }),
  urgency: fc.constantFrom(null, 'ACUTE', 'SOON', 'ROUTINE'),
});

const nonEmpty = (profile: RouteProfile) =>
  profile.lines.length > 0 ||
  profile.municipality !== null ||
  profile.languages.length > 0 ||
  profile.urgency !== null;

describe('route profile in the URL', () => {
  it('round-trips every non-empty profile with the route view', () => {
    fc.assert(
      fc.property(profiles.filter(nonEmpty), (route) => {
        const state = { ...DEFAULT_URL_STATE, view: 'route' as const, route };
        expect(parseUrlState(serializeUrlState(state))).toEqual(state);
      }),
    );
  });

  it('leaves an empty profile out', () => {
    const empty = { lines: [], municipality: null, languages: [], urgency: null };
    expect(serializeUrlState({ ...DEFAULT_URL_STATE, route: empty })).toBe('');
    expect(parseUrlState('?view=route')).toEqual({ ...DEFAULT_URL_STATE, view: 'route' });
  });

  it('writes a readable share link from the form, without the description', () => {
    const query = serializeUrlState({
      ...DEFAULT_URL_STATE,
      view: 'route',
      route: toRouteProfile(form()),
    });
    expect(query).toBe('?view=route&lines=L8&municipality=837&languages=ar,fi,ti&urgency=ACUTE');
    expect(query).not.toContain(MARKER);
    expect(query.toLowerCase()).not.toContain('kunnia');
    for (const key of new URLSearchParams(query).keys()) {
      expect(URL_KEYS).toContain(key);
    }
  });

  it('never carries any part of the description, whatever it says', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), (text) => {
        const query = serializeUrlState({
          ...DEFAULT_URL_STATE,
          route: toRouteProfile(form({ text: `${MARKER}${text}` })),
        });
        expect(decodeURIComponent(query)).not.toContain(MARKER);
      }),
    );
  });

  it('ignores text and malformed values in a link', () => {
    const state = parseUrlState(
      `?view=route&text=${MARKER}&lines=L8,x,L8,L3&languages=ar,ARABIC,fse&municipality=%3Cb%3E&urgency=NOW`,
    );
    expect(state.route).toEqual({
      lines: ['L8', 'L3'],
      municipality: null,
      languages: ['ar', 'fse'],
      urgency: null,
    });
    expect(serializeUrlState(state)).toBe('?view=route&lines=L8,L3&languages=ar,fse');
  });

  it('fills the form back in from a profile', () => {
    const profile = toRouteProfile(form());
    expect(formFromProfile(profile)).toEqual({
      lineCodes: ['L8'],
      municipality: '837',
      languages: ['ar', 'fi'],
      otherLanguages: 'ti',
      urgency: 'ACUTE',
    });
  });
});

describe('case input', () => {
  it('sends the profile and text but never the age band or family knowledge', () => {
    const input = toCaseInput(form());
    expect(input).toEqual({
      text: `Perheessä epäillään kunniaväkivaltaa ${MARKER}`,
      lineCodes: ['L8'],
      municipality: '837',
      languages: ['ar', 'fi', 'ti'],
      urgency: 'ACUTE',
      channels: ['PHONE'],
    });
    expect(JSON.stringify(input)).not.toMatch(/13-17|ageBand|familyKnows/);
  });

  it('leaves empty fields out', () => {
    expect(
      toCaseInput(
        form({ text: '  ', lineCodes: [], municipality: '', languages: [], otherLanguages: '' }),
      ),
    ).toEqual({ urgency: 'ACUTE', channels: ['PHONE'] });
  });

  it('reads typed language codes and reports malformed ones', () => {
    expect(parseLanguageCodes(' TI, uk;  uk  fse ')).toEqual({
      codes: ['ti', 'uk', 'fse'],
      invalid: [],
    });
    expect(parseLanguageCodes('ti, tigrinya, 1').invalid).toEqual(['tigrinya', '1']);
  });

  it('toggles a value in a list', () => {
    expect(toggled(['L1'], 'L8', true)).toEqual(['L1', 'L8']);
    expect(toggled(['L1', 'L8'], 'L8', true)).toEqual(['L1', 'L8']);
    expect(toggled(['L1', 'L8'], 'L1', false)).toEqual(['L8']);
  });
});

describe('itinerary on the map', () => {
  const line = (code: string, instructions: string | null) => ({
    code,
    name: `Linja ${code}`,
    color: '#006dac',
    instructions,
  });
  const station = (id: string) => ({
    __typename: 'Expert' as const,
    id,
    name: id,
    channels: [],
    organisation: null,
  });
  const itinerary: PlanItinerary = {
    score: 0.8,
    explanation: 'Miksi',
    transfer: true,
    fallback: false,
    stops: [
      { line: line('L8', 'Soita ensin.'), station: station('expert-1'), reasons: [] },
      { line: line('L3', '  '), station: station('expert-2'), reasons: [] },
      { line: line('L8', 'Soita ensin.'), station: station('expert-1'), reasons: [] },
    ],
  };

  it('focuses the first line and rings each station once', () => {
    expect(itineraryMapView(itinerary)).toEqual({
      lineCode: 'L8',
      stationIds: ['expert-1', 'expert-2'],
    });
    expect(itineraryMapView({ ...itinerary, stops: [] })).toEqual({
      lineCode: null,
      stationIds: [],
    });
  });

  it("lists each line's instructions once, skipping empty ones", () => {
    expect(itineraryInstructions(itinerary)).toEqual([
      { line: { code: 'L8', name: 'Linja L8', color: '#006dac' }, instructions: 'Soita ensin.' },
    ]);
  });
});
