import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINES } from '../../graph-seed/data/lines.ts';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import type { StationRecord } from '../../graph-seed/seed-types.ts';
import { createCaseTextMatcher } from '../../server/src/features/routing/case-text-matcher.ts';
import {
  createRegionIndex,
  explainItinerary,
  formatReason,
  type Itinerary,
  planRoutes,
  type RegionChain,
  ROUTE_WEIGHTS,
  type RouteNeed,
  type StationCandidate,
} from '../../server/src/features/routing/route-score.ts';

const TODAY = '2026-11-23';

const REGIONS = createRegionIndex([
  { code: 'FI' },
  { code: 'YTA-TAMPERE', partOf: 'FI' },
  { code: 'YTA-HELSINKI', partOf: 'FI' },
  { code: 'HV08', partOf: 'YTA-TAMPERE' },
  { code: 'HV16', partOf: 'YTA-TAMPERE' },
  { code: 'HV22', partOf: 'YTA-HELSINKI' },
  { code: '837', partOf: 'HV08' },
  { code: '536', partOf: 'HV08' },
  { code: '250', partOf: 'HV08' },
  { code: '743', partOf: 'HV16' },
  { code: '091', partOf: 'HV22' },
]);

/** A worker in Tampere: municipality, Pirkanmaa county, the Tampere OT area. */
const TAMPERE: RegionChain = { municipality: '837', county: 'HV08', area: 'YTA-TAMPERE' };

function expert(id: string, overrides: Partial<StationCandidate> = {}): StationCandidate {
  return {
    id,
    name: `Expert ${id}`,
    kind: 'EXPERT',
    lineCodes: ['L8'],
    coordinatorOf: [],
    serviceLevel: 'SPECIAL',
    languages: ['fi'],
    channels: ['PHONE'],
    regionCodes: ['HV08'],
    awayUntil: null,
    ...overrides,
  };
}

function unit(id: string, overrides: Partial<StationCandidate> = {}): StationCandidate {
  return expert(id, { kind: 'UNIT', serviceLevel: null, languages: [], ...overrides });
}

function need(overrides: Partial<RouteNeed> = {}): RouteNeed {
  return {
    lines: [{ lineCode: 'L8', score: 1 }],
    region: TAMPERE,
    languages: [],
    channels: [],
    urgency: 'ROUTINE',
    today: TODAY,
    ...overrides,
  };
}

/** Station ids of each itinerary, in stop order. */
const routes = (itineraries: Itinerary[]) =>
  itineraries.map((itinerary) => itinerary.stops.map((stop) => stop.stationId));
const firsts = (itineraries: Itinerary[]) =>
  itineraries.map((itinerary) => itinerary.stops[0]?.stationId);

describe('planRoutes: coverage and transfers', () => {
  it('an interchange covering several needed lines beats two separate stations', () => {
    const stations = [
      expert('interchange', { lineCodes: ['L8', 'L3'], regionCodes: ['YTA-TAMPERE'] }),
      expert('l8-only', { lineCodes: ['L8'], regionCodes: ['837'] }),
      expert('l3-only', { lineCodes: ['L3'], regionCodes: ['837'] }),
    ];
    const plan = planRoutes(
      need({
        lines: [
          { lineCode: 'L8', score: 0.8 },
          { lineCode: 'L3', score: 0.6 },
        ],
      }),
      stations,
      REGIONS,
    );
    expect(plan[0]).toMatchObject({ transfer: false, fallback: false });
    expect(plan[0]?.stops).toEqual([
      { lineCode: 'L8', stationId: 'interchange', reasons: expect.any(Array) },
    ]);
    expect(plan[0]?.stops[0]?.reasons).toContain('COVERS_LINES:L8,L3');
    expect(routes(plan)).toContainEqual(['l8-only', 'l3-only']);
  });

  it('changes station, one stop per line, when no single station covers all lines', () => {
    const stations = [
      expert('l3-expert', { lineCodes: ['L3'] }),
      expert('l8-expert', { lineCodes: ['L8'] }),
      expert('l10-expert', { lineCodes: ['L10'] }),
    ];
    const plan = planRoutes(
      need({
        lines: [
          { lineCode: 'L3', score: 0.5 },
          { lineCode: 'L8', score: 0.9 },
          { lineCode: 'L10', score: 0.7 },
        ],
      }),
      stations,
      REGIONS,
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]?.transfer).toBe(true);
    expect(plan[0]?.stops.map((stop) => [stop.lineCode, stop.stationId])).toEqual([
      ['L8', 'l8-expert'],
      ['L10', 'l10-expert'],
      ['L3', 'l3-expert'],
    ]);
    expect(plan[0]?.stops[1]?.reasons[0]).toBe('COVERS_LINES:L10');
  });

  it('uses an interchange for two lines and changes station for the third', () => {
    const stations = [
      expert('honour', { lineCodes: ['L8', 'L3', 'L2'] }),
      expert('substance', { lineCodes: ['L10'] }),
      expert('l8', { lineCodes: ['L8'], regionCodes: ['837'] }),
    ];
    const plan = planRoutes(
      need({
        lines: [
          { lineCode: 'L8', score: 0.9 },
          { lineCode: 'L10', score: 0.7 },
          { lineCode: 'L3', score: 0.6 },
        ],
      }),
      stations,
      REGIONS,
    );
    expect(plan[0]?.stops).toEqual([
      { lineCode: 'L8', stationId: 'honour', reasons: expect.any(Array) },
      { lineCode: 'L10', stationId: 'substance', reasons: expect.any(Array) },
    ]);
    expect(plan[0]?.stops[0]?.reasons[0]).toBe('COVERS_LINES:L8,L3');
  });

  it('leaves weak side matches out of the route', () => {
    const stations = [expert('l8', { lineCodes: ['L8'] }), expert('l2', { lineCodes: ['L2'] })];
    const plan = planRoutes(
      need({
        lines: [
          { lineCode: 'L8', score: 0.6 },
          { lineCode: 'L2', score: 0.6 * ROUTE_WEIGHTS.minRelativeLineScore * 0.9 },
        ],
      }),
      stations,
      REGIONS,
    );
    expect(routes(plan)).toEqual([['l8']]);
  });

  it('returns nothing without needed lines or stations on them', () => {
    const stations = [expert('l8')];
    expect(planRoutes(need({ lines: [] }), stations, REGIONS)).toEqual([]);
    expect(planRoutes(need({ lines: [{ lineCode: 'L8', score: 0 }] }), stations, REGIONS)).toEqual(
      [],
    );
    expect(planRoutes(need({ lines: [{ lineCode: 'L5', score: 1 }] }), stations, REGIONS)).toEqual(
      [],
    );
    expect(planRoutes(need(), [], REGIONS)).toEqual([]);
    expect(planRoutes(need(), stations, REGIONS, { maxItineraries: 0 })).toEqual([]);
  });

  it('gives at most maxItineraries, best first, with scores in [0, 1]', () => {
    const stations = ['a', 'b', 'c', 'd', 'e'].map((id, index) =>
      expert(id, { regionCodes: index % 2 === 0 ? ['837'] : ['HV08'] }),
    );
    const plan = planRoutes(need(), stations, REGIONS);
    expect(plan).toHaveLength(3);
    expect(planRoutes(need(), stations, REGIONS, { maxItineraries: 5 })).toHaveLength(5);
    for (const [index, itinerary] of plan.entries()) {
      expect(itinerary.score).toBeGreaterThan(0);
      expect(itinerary.score).toBeLessThanOrEqual(1);
      expect(itinerary.score).toBeLessThanOrEqual(plan[index - 1]?.score ?? 1);
    }
  });
});

describe('planRoutes: ranking', () => {
  it('orders regions: same municipality, same county, OT area, national', () => {
    const stations = [
      expert('national', { regionCodes: ['FI'] }),
      expert('area', { regionCodes: ['YTA-TAMPERE'] }),
      expert('county', { regionCodes: ['HV08'] }),
      expert('municipality', { regionCodes: ['837', '536'] }),
    ];
    const plan = planRoutes(need(), stations, REGIONS, { maxItineraries: 4 });
    expect(firsts(plan)).toEqual(['municipality', 'county', 'area', 'national']);
    expect(plan.map((itinerary) => itinerary.stops[0]?.reasons[2])).toEqual([
      'SAME_MUNICIPALITY',
      'SAME_COUNTY',
      'OT_AREA',
      'NATIONAL',
    ]);
  });

  it('a station serving a county serves its rural municipalities', () => {
    const stations = [
      expert('pirkanmaa', { regionCodes: ['HV08'] }),
      expert('nokia-only', { regionCodes: ['536'] }),
      expert('other-area', { regionCodes: ['HV22'] }),
    ];
    const plan = planRoutes(need({ region: { municipality: '250' } }), stations, REGIONS);
    expect(firsts(plan)).toEqual(['pirkanmaa', 'nokia-only']);
    expect(plan[0]?.stops[0]?.reasons).toContain('SAME_COUNTY');
    // Serving another municipality of the same catchment area: still the worker's OT-keskus.
    expect(plan[1]?.stops[0]?.reasons).toContain('OT_AREA');
  });

  it('prefers the family language among equally placed experts, never over region', () => {
    const stations = [
      expert('finnish-only', { regionCodes: ['HV08'] }),
      expert('arabic', { regionCodes: ['HV08'], languages: ['fi', 'ar'] }),
      expert('arabic-area', { regionCodes: ['YTA-TAMPERE'], languages: ['ar', 'en'] }),
    ];
    const plan = planRoutes(need({ languages: ['ar'] }), stations, REGIONS);
    expect(firsts(plan)).toEqual(['arabic', 'finnish-only', 'arabic-area']);
    expect(plan[0]?.stops[0]?.reasons).toContain('SPEAKS:ar');
    expect(plan[1]?.stops[0]?.reasons.some((r) => r.startsWith('SPEAKS'))).toBe(false);
  });

  it('prefers the worker’s channels, and the phone when the case is acute', () => {
    const stations = [
      expert('phone', { channels: ['PHONE', 'EMAIL'] }),
      expert('video', { channels: ['VIDEO', 'EMAIL'] }),
    ];
    const byVideo = planRoutes(need({ channels: ['VIDEO'] }), stations, REGIONS);
    expect(firsts(byVideo)).toEqual(['video', 'phone']);
    expect(byVideo[0]?.stops[0]?.reasons).toContain('CHANNEL:VIDEO');
    const acute = planRoutes(need({ urgency: 'ACUTE', channels: ['EMAIL'] }), stations, REGIONS);
    expect(firsts(acute)).toEqual(['phone', 'video']);
    expect(acute[0]?.stops[0]?.reasons).toEqual(
      expect.arrayContaining(['CHANNEL:PHONE', 'CHANNEL:EMAIL']),
    );
  });

  it('prefers the demanding (OT) service level when all else is equal', () => {
    const stations = [
      expert('basic', { serviceLevel: 'BASIC' }),
      expert('demanding', { serviceLevel: 'DEMANDING' }),
      expert('special', { serviceLevel: 'SPECIAL' }),
    ];
    const plan = planRoutes(need(), stations, REGIONS);
    expect(firsts(plan)).toEqual(['demanding', 'special', 'basic']);
    expect(plan[0]?.stops[0]?.reasons).toContain('SERVICE_LEVEL:DEMANDING');
  });

  it('puts away experts after available ones and says when they are back', () => {
    const stations = [
      expert('away-here', { regionCodes: ['837'], awayUntil: '2026-12-01', languages: ['ar'] }),
      expert('available-area', { regionCodes: ['YTA-TAMPERE'] }),
      expert('back-today', { regionCodes: ['FI'], awayUntil: TODAY }),
    ];
    const plan = planRoutes(need({ languages: ['ar'] }), stations, REGIONS);
    expect(firsts(plan)).toEqual(['available-area', 'back-today', 'away-here']);
    expect(plan[1]?.stops[0]?.reasons).toContain('AVAILABLE');
    expect(plan[2]?.stops[0]?.reasons).toContain('AWAY_UNTIL:2026-12-01');
    expect(plan[2]?.fallback).toBe(false);
  });

  it('prefers an available pair of stations over an away interchange', () => {
    const stations = [
      expert('interchange-away', { lineCodes: ['L8', 'L3'], awayUntil: '2027-01-10' }),
      expert('l8', { lineCodes: ['L8'] }),
      expert('l3', { lineCodes: ['L3'] }),
    ];
    const lines = [
      { lineCode: 'L8', score: 1 },
      { lineCode: 'L3', score: 0.9 },
    ];
    const plan = planRoutes(need({ lines }), stations, REGIONS);
    expect(routes(plan)).toEqual([['l8', 'l3'], ['interchange-away']]);
  });
});

describe('planRoutes: the fallback ladder', () => {
  const ladder = [
    expert('away-expert', { lineCodes: ['L5'], regionCodes: ['837'], awayUntil: '2026-12-14' }),
    unit('unit-here', { lineCodes: ['L5'], regionCodes: ['837'] }),
    expert('coordinator', {
      lineCodes: ['L5'],
      coordinatorOf: ['L5'],
      regionCodes: ['YTA-TAMPERE'],
      serviceLevel: 'DEMANDING',
    }),
    expert('helsinki-expert', {
      lineCodes: ['L5'],
      regionCodes: ['HV22'],
      serviceLevel: 'DEMANDING',
      languages: ['fi', 'ar'],
    }),
  ];
  const l5 = need({ lines: [{ lineCode: 'L5', score: 1 }], languages: ['ar'] });

  it('when the match is thin: coordinator, then fixed unit, then another area', () => {
    const plan = planRoutes(l5, ladder, REGIONS, { maxItineraries: 4 });
    expect(firsts(plan)).toEqual(['coordinator', 'unit-here', 'helsinki-expert', 'away-expert']);
    expect(plan.map((itinerary) => itinerary.stops[0]?.reasons[1])).toEqual([
      'COORDINATOR_FALLBACK',
      'UNIT_FALLBACK',
      'OTHER_AREA_FALLBACK',
      'AWAY_UNTIL:2026-12-14',
    ]);
    expect(plan.map((itinerary) => itinerary.fallback)).toEqual([true, true, true, false]);
  });

  it('no ladder when an available regular expert serves the region', () => {
    const plan = planRoutes(l5, [...ladder, expert('regular', { lineCodes: ['L5'] })], REGIONS, {
      maxItineraries: 5,
    });
    expect(firsts(plan)).toEqual(['regular', 'away-expert']);
    expect(plan.some((itinerary) => itinerary.fallback)).toBe(false);
  });

  it('routes a worker outside the catchment area to another area’s OT-keskus', () => {
    const plan = planRoutes(
      need({ region: { municipality: '091' } }),
      [expert('tampere', { regionCodes: ['HV08'] })],
      REGIONS,
    );
    expect(plan[0]?.fallback).toBe(true);
    expect(plan[0]?.stops[0]?.reasons).toContain('OTHER_AREA_FALLBACK');
  });

  it('treats every station as serving when the worker gives no region', () => {
    const plan = planRoutes(need({ region: {} }), [expert('somewhere')], REGIONS);
    expect(plan[0]?.fallback).toBe(false);
    expect(plan[0]?.stops[0]?.reasons).toEqual(['COVERS_LINES:L8', 'AVAILABLE']);
  });
});

describe('planRoutes: ties and load spread', () => {
  const twins = [expert('expert-b'), expert('expert-a'), expert('expert-c')];

  it('breaks ties by id, whatever the input order', () => {
    expect(firsts(planRoutes(need(), twins, REGIONS))).toEqual([
      'expert-a',
      'expert-b',
      'expert-c',
    ]);
    expect(planRoutes(need(), [...twins].reverse(), REGIONS)).toEqual(
      planRoutes(need(), twins, REGIONS),
    );
  });

  it('rotates equally good experts with the load-spread key', () => {
    const firstFor = (key: number) =>
      planRoutes(need(), twins, REGIONS, { loadSpreadKey: key })[0]?.stops[0]?.stationId;
    expect([0, 1, 2, 3, 4, -1].map(firstFor)).toEqual([
      'expert-a',
      'expert-b',
      'expert-c',
      'expert-a',
      'expert-b',
      'expert-c',
    ]);
  });

  it('never rotates a better expert away from the top', () => {
    const stations = [...twins, expert('expert-z', { regionCodes: ['837'] })];
    for (const key of [0, 1, 2, 7, 13]) {
      expect(firsts(planRoutes(need(), stations, REGIONS, { loadSpreadKey: key }))[0]).toBe(
        'expert-z',
      );
    }
  });

  it('rotates the station chosen for the second line of a transfer too', () => {
    const stations = [
      expert('l8', { regionCodes: ['837'] }),
      ...twins.map((s) => ({ ...s, lineCodes: ['L3'] })),
    ];
    const lines = [
      { lineCode: 'L8', score: 1 },
      { lineCode: 'L3', score: 0.8 },
    ];
    const secondStops = [0, 1, 2].map(
      (key) =>
        planRoutes(need({ lines }), stations, REGIONS, { loadSpreadKey: key })[0]?.stops[1]
          ?.stationId,
    );
    expect(secondStops).toEqual(['expert-a', 'expert-b', 'expert-c']);
  });
});

describe('planRoutes: properties', () => {
  const lineCodes = ['L1', 'L2', 'L3', 'L4'];
  const regionCodes = ['837', '536', '250', 'HV08', 'HV16', 'YTA-TAMPERE', 'FI', 'HV22', '091'];
  const stationArb = fc.record({
    kind: fc.constantFrom<'EXPERT' | 'UNIT'>('EXPERT', 'EXPERT', 'EXPERT', 'UNIT'),
    lineCodes: fc.uniqueArray(fc.constantFrom(...lineCodes), { minLength: 1, maxLength: 3 }),
    coordinates: fc.boolean(),
    serviceLevel: fc.constantFrom('BASIC', 'SPECIAL', 'DEMANDING', 'NATIONAL') as fc.Arbitrary<
      StationCandidate['serviceLevel']
    >,
    languages: fc.subarray(['fi', 'sv', 'ar', 'so', 'fse']),
    channels: fc.subarray(['PHONE', 'VIDEO', 'CHAT', 'EMAIL']),
    regionCodes: fc.uniqueArray(fc.constantFrom(...regionCodes), { minLength: 1, maxLength: 2 }),
    awayUntil: fc.constantFrom(null, null, '2026-11-01', '2026-11-23', '2026-12-24'),
  });
  const stationsArb = fc.array(stationArb, { maxLength: 14 }).map((drawn) =>
    drawn.map(
      (s, index): StationCandidate => ({
        id: `s${String(index).padStart(2, '0')}`,
        name: `Station ${index}`,
        kind: s.kind,
        lineCodes: s.lineCodes,
        coordinatorOf: s.kind === 'EXPERT' && s.coordinates ? [s.lineCodes[0] ?? 'L1'] : [],
        serviceLevel: s.kind === 'UNIT' ? null : s.serviceLevel,
        languages: s.kind === 'UNIT' ? [] : s.languages,
        channels: s.channels,
        regionCodes: s.regionCodes,
        awayUntil: s.kind === 'UNIT' ? null : s.awayUntil,
      }),
    ),
  );
  const needArb = fc.record({
    lines: fc.uniqueArray(
      fc.record({
        lineCode: fc.constantFrom(...lineCodes),
        score: fc.double({ min: 0.05, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 4, selector: (line) => line.lineCode },
    ),
    region: fc.constantFrom<RegionChain>(
      TAMPERE,
      { municipality: '250' },
      { municipality: '091' },
      {},
    ),
    languages: fc.subarray(['ar', 'so', 'sv']),
    channels: fc.subarray(['PHONE', 'VIDEO', 'CHAT']),
    urgency: fc.constantFrom<RouteNeed['urgency']>('ACUTE', 'SOON', 'ROUTINE'),
    today: fc.constant(TODAY),
  });

  it('an away expert never ranks above an available one with equal coverage and region', () => {
    fc.assert(
      fc.property(
        stationsArb,
        needArb,
        stationArb,
        stationArb,
        fc.integer({ min: 0, max: 23 }),
        (others, routeNeed, availableDraw, awayDraw, key) => {
          const shared = {
            lineCodes: availableDraw.lineCodes,
            regionCodes: availableDraw.regionCodes,
          };
          const available = expert('pair-available', {
            ...shared,
            serviceLevel: availableDraw.serviceLevel,
            languages: availableDraw.languages,
            channels: availableDraw.channels,
          });
          const away = expert('pair-away', {
            ...shared,
            serviceLevel: awayDraw.serviceLevel,
            languages: awayDraw.languages,
            channels: awayDraw.channels,
            awayUntil: '2026-12-24',
          });
          const plan = planRoutes(routeNeed, [...others, away, available], REGIONS, {
            maxItineraries: 6,
            loadSpreadKey: key,
          });
          const rank = (id: string) =>
            plan.findIndex((itinerary) => itinerary.stops.some((stop) => stop.stationId === id));
          const awayRank = rank('pair-away');
          if (awayRank >= 0) {
            const availableRank = rank('pair-available');
            expect(availableRank).toBeGreaterThanOrEqual(0);
            expect(availableRank).toBeLessThanOrEqual(awayRank);
          }
        },
      ),
    );
  });

  it('adding a needed line (scored at most as the best) never uncovers a covered line', () => {
    fc.assert(
      fc.property(
        stationsArb,
        needArb,
        fc.constantFrom(...lineCodes),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (stations, routeNeed, extraLine, fraction) => {
          fc.pre(!routeNeed.lines.some((line) => line.lineCode === extraLine));
          const best = Math.max(...routeNeed.lines.map((line) => line.score));
          const covered = (plan: Itinerary[]) =>
            new Set(
              (plan[0]?.stops ?? []).flatMap((stop) => {
                const covers = stop.reasons.find((r) => r.startsWith('COVERS_LINES:'));
                return covers?.slice('COVERS_LINES:'.length).split(',') ?? [];
              }),
            );
          const before = covered(planRoutes(routeNeed, stations, REGIONS));
          const more = {
            ...routeNeed,
            lines: [...routeNeed.lines, { lineCode: extraLine, score: best * fraction }],
          };
          const after = covered(planRoutes(more, stations, REGIONS));
          for (const code of before) {
            expect(after.has(code)).toBe(true);
          }
        },
      ),
    );
  });

  /** How many needed lines a stop covers (its COVERS_LINES reason). */
  const stopCoverage = (stop: Itinerary['stops'][number]) =>
    (stop.reasons.find((r) => r.startsWith('COVERS_LINES:')) ?? 'COVERS_LINES:')
      .slice('COVERS_LINES:'.length)
      .split(',')
      .filter(Boolean).length;

  it('adding a line the chosen interchange also serves keeps one station covering every line', () => {
    // The per-station form that holds (docs/routing.md, "Adding a needed line"): when the best
    // itinerary is one available station covering every needed line and that station serves
    // the added line too, as a regular expert, the best itinerary is again one station, now
    // covering the added line as well.
    fc.assert(
      fc.property(
        stationsArb,
        needArb,
        fc.constantFrom(...lineCodes),
        fc.double({ min: ROUTE_WEIGHTS.minRelativeLineScore, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 23 }),
        (stations, routeNeed, extraLine, fraction, key) => {
          fc.pre(!routeNeed.lines.some((line) => line.lineCode === extraLine));
          const options = { loadSpreadKey: key };
          const [best] = planRoutes(routeNeed, stations, REGIONS, options);
          const chosen = best?.stops.length === 1 ? best.stops[0] : undefined;
          const station = stations.find((s) => s.id === chosen?.stationId);
          fc.pre(
            chosen !== undefined &&
              station !== undefined &&
              stopCoverage(chosen) === routeNeed.lines.length &&
              chosen.reasons.includes('AVAILABLE') &&
              station.lineCodes.includes(extraLine) &&
              // ...as a regular expert of it: the fallback ladder (a unit, the line's
              // coordinator, another area) serves a line only when no regular expert can.
              station.kind === 'EXPERT' &&
              !station.coordinatorOf.includes(extraLine) &&
              !chosen.reasons.includes('OTHER_AREA_FALLBACK'),
          );
          const top = Math.max(...routeNeed.lines.map((line) => line.score));
          const more = {
            ...routeNeed,
            lines: [...routeNeed.lines, { lineCode: extraLine, score: top * fraction }],
          };
          const [after] = planRoutes(more, stations, REGIONS, options);
          expect(after?.stops).toHaveLength(1);
          expect(stopCoverage(after?.stops[0] as Itinerary['stops'][number])).toBe(
            routeNeed.lines.length + 1,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adding a line can lower the coverage of the first or widest stop: region outranks fewer lines per stop', () => {
    // Why the per-station form is false in general (docs/routing.md): the first itinerary for
    // L1 and L2 is the county's interchange A. Add L3, which A does not serve: every complete
    // itinerary now changes station once, so the transfer no longer tells them apart, and the
    // pair in the worker's own municipality (B for L1 and L3, C for L2) wins on region.
    const a = expert('a-county', { lineCodes: ['L1', 'L2'], regionCodes: ['HV08'] });
    const b = expert('b-town', { lineCodes: ['L1', 'L3'], regionCodes: ['837'] });
    const c = expert('c-town', { lineCodes: ['L2'], regionCodes: ['837'] });
    const d = expert('d-county', { lineCodes: ['L3'], regionCodes: ['HV08'] });
    const stations = [a, b, c, d];
    const before = planRoutes(
      need({
        lines: [
          { lineCode: 'L1', score: 1 },
          { lineCode: 'L2', score: 1 },
        ],
      }),
      stations,
      REGIONS,
    );
    expect(routes(before)[0]).toEqual(['a-county']);
    const after = planRoutes(
      need({
        lines: [
          { lineCode: 'L1', score: 1 },
          { lineCode: 'L2', score: 1 },
          { lineCode: 'L3', score: 1 },
        ],
      }),
      stations,
      REGIONS,
    );
    expect(routes(after)[0]).toEqual(['b-town', 'c-town']);
    // Every line stays covered, by as many stops as before plus one at most.
    expect(after[0]?.stops.reduce((sum, stop) => sum + stopCoverage(stop), 0)).toBe(3);
  });

  it('is deterministic: the same input, in any station order, gives the same plan', () => {
    fc.assert(
      fc.property(
        stationsArb,
        needArb,
        fc.integer({ min: 0, max: 23 }),
        fc.integer(),
        (stations, routeNeed, key, seed) => {
          const shuffled = [...stations].sort(
            (a, b) => (hash(a.id, seed) - hash(b.id, seed)) | 0 || a.id.localeCompare(b.id),
          );
          const options = { loadSpreadKey: key };
          const plan = planRoutes(routeNeed, stations, REGIONS, options);
          expect(planRoutes(routeNeed, stations, REGIONS, options)).toEqual(plan);
          expect(planRoutes(routeNeed, shuffled, REGIONS, options)).toEqual(plan);
        },
      ),
    );
  });

  it('every stop is a station on its lines, used once per itinerary', () => {
    fc.assert(
      fc.property(stationsArb, needArb, (stations, routeNeed) => {
        const byId = new Map(stations.map((station) => [station.id, station]));
        for (const itinerary of planRoutes(routeNeed, stations, REGIONS)) {
          const ids = itinerary.stops.map((stop) => stop.stationId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(itinerary.transfer).toBe(ids.length > 1);
          for (const stop of itinerary.stops) {
            const covers = stop.reasons[0]?.slice('COVERS_LINES:'.length).split(',') ?? [];
            expect(covers[0]).toBe(stop.lineCode);
            for (const code of covers) {
              expect(byId.get(stop.stationId)?.lineCodes).toContain(code);
            }
          }
        }
      }),
    );
  });
});

/** A small deterministic hash for shuffling in properties. */
function hash(text: string, seed: number): number {
  let value = seed | 0;
  for (const char of text) {
    value = Math.imul(value ^ char.charCodeAt(0), 0x9e3779b1);
  }
  return value;
}

describe('explanations', () => {
  const names = {
    station: (id: string) => ({ honour: 'Aino Laine', substance: 'Päiväperho' })[id] ?? id,
    line: (code: string) => LINES.find((line) => line.code === code)?.name.fi ?? code,
  };
  const interchange: Itinerary = {
    score: 0.99,
    transfer: false,
    fallback: false,
    stops: [
      {
        lineCode: 'L8',
        stationId: 'honour',
        reasons: [
          'COVERS_LINES:L8,L3',
          'AVAILABLE',
          'SAME_MUNICIPALITY',
          'SPEAKS:ar',
          'CHANNEL:PHONE',
        ],
      },
    ],
  };

  it('explains why this expert, in Finnish, Swedish and English', () => {
    expect(explainItinerary(interchange, 'fi', names)).toBe(
      'Miksi tämä asiantuntija: Aino Laine (L8 Maahanmuuttaja- ja turvapaikanhakijaperheet, ' +
        'L3 Korkean riskin väkivallan uhka): kattaa linjat L8 ja L3 yhdellä pysäkillä, ' +
        'tavoitettavissa nyt, palvelee kuntaasi, kielitaito: arabia, kanava: puhelin.',
    );
    expect(explainItinerary(interchange, 'sv', names)).toMatch(
      /^Varför den här experten: Aino Laine .*täcker linjerna L8 och L3.*talar arabiska/,
    );
    expect(explainItinerary(interchange, 'en', names)).toMatch(
      /^Why this expert: Aino Laine .*covers lines L8 and L3 at one stop.*speaks Arabic/,
    );
  });

  it('explains changes and fallbacks', () => {
    const itinerary: Itinerary = {
      score: 0.7,
      transfer: true,
      fallback: true,
      stops: [
        { lineCode: 'L8', stationId: 'honour', reasons: ['COVERS_LINES:L8', 'AVAILABLE'] },
        {
          lineCode: 'L10',
          stationId: 'substance',
          reasons: ['COVERS_LINES:L10', 'UNIT_FALLBACK', 'AVAILABLE', 'SAME_COUNTY'],
        },
      ],
    };
    const finnish = explainItinerary(itinerary, 'fi', names);
    expect(finnish).toMatch(/^Miksi nämä asiantuntijat: Aino Laine \(L8 [^)]+\): tavoitettavissa/);
    expect(finnish).toContain('Vaihto: Päiväperho (L10 Päihdehuollon erityispalvelut)');
    expect(finnish).toContain('linjan kiinteä yksikkö');
    expect(finnish).toMatch(/Varareitti: .*$/);
    expect(explainItinerary(itinerary, 'en', names)).toContain('Change: Päiväperho');
    expect(explainItinerary({ ...itinerary, stops: [] }, 'fi', names)).toBe('');
  });

  it.each([
    ['COVERS_LINES:L8', 'linja L8', 'linje L8', 'line L8'],
    [
      'COVERS_LINES:L8,L3,L2',
      'kattaa linjat L8, L3 ja L2 yhdellä pysäkillä',
      'täcker linjerna L8, L3 och L2 vid en och samma station',
      'covers lines L8, L3 and L2 at one stop',
    ],
    ['SAME_MUNICIPALITY', 'palvelee kuntaasi', 'betjänar din kommun', 'serves your municipality'],
    [
      'SAME_COUNTY',
      'palvelee hyvinvointialuettasi',
      'betjänar ditt välfärdsområde',
      'serves your wellbeing services county',
    ],
    [
      'OT_AREA',
      'toimii OT-keskuksesi alueella',
      'verkar inom ditt OT-centers område',
      "works in your OT centre's area",
    ],
    ['NATIONAL', 'palvelee koko maata', 'betjänar hela landet', 'serves the whole country'],
    [
      'SPEAKS:fse',
      'kielitaito: suomalainen viittomakieli',
      'talar finskt teckenspråk',
      'speaks Finnish Sign Language',
    ],
    ['AVAILABLE', 'tavoitettavissa nyt', 'tillgänglig nu', 'available now'],
    [
      'AWAY_UNTIL:2026-12-01',
      'poissa, tavoitettavissa 1.12.2026 alkaen',
      'borta, tillbaka 1.12.2026',
      'away, back on 1 December 2026',
    ],
    [
      'CHANNEL:NETWORK_MEETING',
      'kanava: verkostokokous',
      'kanal: nätverksmöte',
      'channel: network meeting',
    ],
    [
      'COORDINATOR_FALLBACK',
      'linjan koordinoiva vastuutyöntekijä',
      'linjens koordinerande ansvariga arbetstagare',
      "the line's coordinating responsible worker",
    ],
    ['UNIT_FALLBACK', 'linjan kiinteä yksikkö', 'linjens fasta enhet', "the line's fixed unit"],
    [
      'OTHER_AREA_FALLBACK',
      'toisen yhteistyöalueen OT-keskuksesta',
      'från ett annat samarbetsområdes OT-center',
      "from another cooperation area's OT centre",
    ],
    ['SOMETHING_NEW:42', 'SOMETHING_NEW:42', 'SOMETHING_NEW:42', 'SOMETHING_NEW:42'],
  ])('formatReason(%s)', (code, fi, sv, en) => {
    expect(formatReason(code, 'fi')).toBe(fi);
    expect(formatReason(code, 'sv')).toBe(sv);
    expect(formatReason(code, 'en')).toBe(en);
  });
});

describe('region index', () => {
  it('lists a region and its ancestors, outwards', () => {
    expect(REGIONS.ancestors('837')).toEqual(['837', 'HV08', 'YTA-TAMPERE', 'FI']);
    expect(REGIONS.ancestors('unknown')).toEqual(['unknown']);
    const looped = createRegionIndex([
      { code: 'a', partOf: 'b' },
      { code: 'b', partOf: 'a' },
    ]);
    expect(looped.ancestors('a')).toEqual(['a', 'b']);
  });
});

describe('planRoutes on the demo network', () => {
  const demo = generateNetwork({ scale: 'demo', today: TODAY });
  const stations = demo.stations.map(toCandidate);
  const regions = createRegionIndex(demo.regions);
  const byId = new Map(stations.map((station) => [station.id, station]));
  const matcher = createCaseTextMatcher(
    demo.lines.map((line) => ({
      code: line.code,
      keywords: line.keywords,
      names: [line.name.fi, line.name.sv, line.name.en],
    })),
  );

  it('routes honour violence and a threat to an interchange on L8 and L3', () => {
    const lines = matcher('Tyttöä uhkaa kunniaväkivalta ja pakkoavioliitto, isä uhkasi tappaa');
    expect(
      lines
        .map((line) => line.lineCode)
        .slice(0, 2)
        .sort(),
    ).toEqual(['L3', 'L8']);
    const plan = planRoutes(
      need({ lines, region: TAMPERE, languages: ['ar'], urgency: 'SOON' }),
      stations,
      regions,
    );
    expect(plan).toHaveLength(3);
    const [best] = plan;
    expect(best?.transfer).toBe(false);
    expect(best?.fallback).toBe(false);
    const station = byId.get(best?.stops[0]?.stationId ?? '');
    expect(station?.lineCodes).toEqual(expect.arrayContaining(['L8', 'L3']));
    expect(best?.stops[0]?.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^COVERS_LINES:L(8|3),L(8|3)$/), 'AVAILABLE']),
    );
  });

  it('gives every stop a real station on its line, available ones first, with reasons', () => {
    const plan = planRoutes(
      need({
        lines: [
          { lineCode: 'L10', score: 0.8 },
          { lineCode: 'L9', score: 0.6 },
          { lineCode: 'L5', score: 0.5 },
        ],
        region: { municipality: '250' },
        urgency: 'ACUTE',
      }),
      stations,
      regions,
    );
    expect(plan.length).toBeGreaterThan(0);
    for (const itinerary of plan) {
      const covered = itinerary.stops.flatMap(
        (stop) => stop.reasons[0]?.slice('COVERS_LINES:'.length).split(',') ?? [],
      );
      expect(covered.sort()).toEqual(['L10', 'L5', 'L9']);
      for (const stop of itinerary.stops) {
        expect(byId.get(stop.stationId)?.lineCodes).toContain(stop.lineCode);
        expect(stop.reasons).toContain('AVAILABLE');
      }
    }
  });

  it('sends a worker from outside the Tampere area to the fallback ladder', () => {
    const plan = planRoutes(
      need({ lines: [{ lineCode: 'L6', score: 1 }], region: { municipality: '091' } }),
      stations,
      regions,
    );
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((itinerary) => itinerary.fallback)).toBe(true);
    expect(plan[0]?.stops[0]?.reasons).toContain('OTHER_AREA_FALLBACK');
  });

  it('explains the best route in plain Finnish', () => {
    const lines = matcher('paihteiden kaytto raskausaikana');
    const [best] = planRoutes(need({ lines }), stations, regions);
    const text = explainItinerary(best as Itinerary, 'fi', {
      station: (id) => byId.get(id)?.name ?? id,
      line: (code) => demo.lines.find((line) => line.code === code)?.name.fi ?? code,
    });
    expect(text).toMatch(/^Miksi tämä asiantuntija: .+ \(L10 Päihdehuollon erityispalvelut\): /);
    expect(text).toContain('tavoitettavissa nyt');
  });
});

function toCandidate(station: StationRecord): StationCandidate {
  const expertOnly = station.kind === 'EXPERT' ? station : null;
  return {
    id: station.id,
    name: station.name,
    kind: station.kind,
    lineCodes: station.lines.map((membership) => membership.lineCode),
    coordinatorOf: station.lines
      .filter((membership) => membership.coordinator)
      .map((membership) => membership.lineCode),
    serviceLevel: expertOnly?.serviceLevel ?? null,
    languages: expertOnly?.languages ?? [],
    channels: station.channels,
    regionCodes: station.regionCodes,
    awayUntil: expertOnly?.awayUntil ?? null,
  };
}
