/**
 * The consultation journey planner: from the lines a case needs to ranked itineraries of
 * stations (experts and units), the way a journey planner answers "how do I get there".
 *
 * Pure domain logic: no I/O, no database, no clock (the caller passes `today`). The resolver
 * loads the candidate stations and the region tree, calls {@link planRoutes} and shows the
 * result with {@link explainItinerary}. docs/routing.md documents the weights and the fallback
 * ladder.
 */

/** A station as routing sees it: an expert or a fixed unit, with what ranking needs. */
export interface StationCandidate {
  id: string;
  name: string;
  kind: 'EXPERT' | 'UNIT';
  lineCodes: string[];
  /** Lines this station coordinates (koordinoiva vastuutyöntekijä). */
  coordinatorOf: string[];
  /** Null for units, which have no personal service level. */
  serviceLevel: 'BASIC' | 'SPECIAL' | 'DEMANDING' | 'NATIONAL' | null;
  /** ISO 639-1 codes, `fse` for Finnish Sign Language. */
  languages: string[];
  channels: string[];
  /** Regions the station serves: municipalities, counties, cooperation areas or `FI`. */
  regionCodes: string[];
  /** ISO date when an away expert is back; null when available. */
  awayUntil: string | null;
}

/** Codes of the worker's municipality, its wellbeing services county and cooperation area. */
export interface RegionChain {
  municipality?: string;
  county?: string;
  area?: string;
}

/** What a case needs, without anything that identifies the client. */
export interface RouteNeed {
  /** Matched or picked lines; `score` in (0, 1] (picked lines: 1). */
  lines: Array<{ lineCode: string; score: number }>;
  region: RegionChain;
  /** Languages the family needs (ISO 639-1, `fse`). */
  languages: string[];
  /** Consultation channels the worker prefers (PHONE, VIDEO, ...). */
  channels: string[];
  urgency: 'ACUTE' | 'SOON' | 'ROUTINE';
  /** ISO date: away experts whose `awayUntil` is on or before it are back. */
  today: string;
}

/** The region tree (municipality -> county -> cooperation area -> FI). */
export interface RegionIndex {
  /** region code -> codes of it and all its ancestors */
  ancestors(code: string): string[];
}

/** One stop of an itinerary: a station on one line, or an interchange on several. */
export interface ItineraryStop {
  /** The most needed line the stop serves; the others are in its `COVERS_LINES` reason. */
  lineCode: string;
  stationId: string;
  /** Reason codes, e.g. `COVERS_LINES:L8,L3`, `SAME_COUNTY`, `SPEAKS:ar`, `AWAY_UNTIL:...`. */
  reasons: string[];
}

/** A way to consult on the whole case: one stop, or several with transfers between them. */
export interface Itinerary {
  /** 0-1; 1 is one available expert in the worker's municipality who matches everything. */
  score: number;
  stops: ItineraryStop[];
  /** More than one stop: the case spans lines that no single station covers. */
  transfer: boolean;
  /** A stop comes from the fallback ladder (coordinator, unit or another area). */
  fallback: boolean;
}

/** Options of {@link planRoutes}. */
export interface PlanOptions {
  /** How many itineraries to return (default 3). */
  maxItineraries?: number;
  /**
   * Rotates ties among equally good experts, e.g. the hour of the day, so that the same expert
   * is not always first. Default 0: ties in id order.
   */
  loadSpreadKey?: number;
}

/**
 * All routing weights in one place (docs/routing.md has the table). Each step is larger than
 * everything below it together, so the criteria apply in order: coverage of the needed lines,
 * then availability, then changing stations, then the fallback ladder, region, language,
 * channel and service level. Per-line values are multiplied by the line's share of the need.
 */
export const ROUTE_WEIGHTS = {
  /** A needed line covered by the itinerary. */
  coverage: 100_000,
  /** The station of a line is available today (not away). */
  available: 10_000,
  /** Each change of station: an interchange on several lines beats separate stations. */
  transfer: 5_000,
  /** Fallback ladder, subtracted when a line is covered by: its coordinator, */
  coordinatorFallback: 1_000,
  /** a fixed unit, */
  unitFallback: 2_000,
  /** or a station of another cooperation area. */
  otherAreaFallback: 3_000,
  /** Where the station serves, seen from the worker's municipality. */
  region: {
    MUNICIPALITY: 400,
    COUNTY: 300,
    OT_AREA: 200,
    NATIONAL: 100,
    OTHER_AREA: 0,
    /** The worker gave no region, or the station lists none. */
    UNKNOWN: 200,
  },
  /** × the share of the family's languages the station speaks. */
  language: 40,
  /** × the share of the worker's preferred channels the station offers. */
  channel: 20,
  /** An ACUTE case and the station answers the phone. */
  acutePhone: 10,
  serviceLevel: { DEMANDING: 8, NATIONAL: 6, SPECIAL: 4, BASIC: 1, NONE: 2 },
  /** Lines scoring below this share of the best line are not routed: weak side matches. */
  minRelativeLineScore: 0.35,
} as const;

type RegionTier = keyof typeof ROUTE_WEIGHTS.region;

/** 0: regular expert; 1: line coordinator; 2: fixed unit; 3: another cooperation area. */
type Rung = 0 | 1 | 2 | 3;

const RUNG_PENALTY: Readonly<Record<Rung, number>> = {
  0: 0,
  1: ROUTE_WEIGHTS.coordinatorFallback,
  2: ROUTE_WEIGHTS.unitFallback,
  3: ROUTE_WEIGHTS.otherAreaFallback,
};

const RUNG_REASON: Readonly<Record<Rung, string | null>> = {
  0: null,
  1: 'COORDINATOR_FALLBACK',
  2: 'UNIT_FALLBACK',
  3: 'OTHER_AREA_FALLBACK',
};

const REGION_REASON: Readonly<Record<RegionTier, string | null>> = {
  MUNICIPALITY: 'SAME_MUNICIPALITY',
  COUNTY: 'SAME_COUNTY',
  OT_AREA: 'OT_AREA',
  NATIONAL: 'NATIONAL',
  OTHER_AREA: null,
  UNKNOWN: null,
};

/** The best value one line can get: the score of an itinerary is divided by it. */
const MAX_LINE_VALUE =
  ROUTE_WEIGHTS.coverage +
  ROUTE_WEIGHTS.available +
  ROUTE_WEIGHTS.region.MUNICIPALITY +
  ROUTE_WEIGHTS.language +
  ROUTE_WEIGHTS.channel +
  ROUTE_WEIGHTS.acutePhone +
  ROUTE_WEIGHTS.serviceLevel.DEMANDING;

interface NeededLine {
  code: string;
  share: number;
}

/** What a station brings to any line, computed once per plan. */
interface StationProfile {
  station: StationCandidate;
  tier: RegionTier;
  available: boolean;
  /** Everything but coverage and the ladder: availability, region, language, channel, level. */
  quality: number;
  /** Needed line code -> the ladder rung this station is on for it. */
  rungByLine: Map<string, Rung>;
}

interface PoolEntry {
  profile: StationProfile;
  value: number;
}

/** The stations that can serve each needed line, ranked, for one plan. */
interface RoutingNetwork {
  /** Needed lines that some station can serve, most needed first. */
  coverable: NeededLine[];
  shareByLine: Map<string, number>;
  /** Per line: best first; equally good stations in id order rotated by the load-spread key. */
  pools: Map<string, PoolEntry[]>;
  /** Per station: the needed lines it may serve in this plan. */
  eligibleLines: Map<StationProfile, Set<string>>;
  /** Per line: pool positions of stations that may serve at least one more needed line. */
  interchangePositions: Map<string, number[]>;
  /** Per line: pool position of the best station that serves no other needed line. */
  bestSinglePosition: Map<string, number>;
}

interface PlannedStop {
  profile: StationProfile;
  lineCodes: string[];
}

interface PlannedItinerary {
  raw: number;
  /** Order of the seed it grew from: breaks ties, carrying the load-spread rotation. */
  seedOrder: number;
  signature: string;
  stops: PlannedStop[];
}

/** Worker's region levels, resolved once per plan. */
interface WorkerRegion {
  municipality: string | undefined;
  county: string | undefined;
  area: string | undefined;
  /** Ancestors above the area: the country. */
  national: Set<string>;
}

/** Relative tolerance for equal scores: far above float error, far below any weight. */
const TIE_EPSILON = 1e-9;

/**
 * Builds a {@link RegionIndex} from region records (`code` and the `partOf` parent code).
 * Unknown codes are their own only ancestor; a cycle in the data ends the walk.
 */
export function createRegionIndex(
  regions: ReadonlyArray<{ code: string; partOf?: string | null }>,
): RegionIndex {
  const parentOf = new Map<string, string>();
  for (const region of regions) {
    if (region.partOf) {
      parentOf.set(region.code, region.partOf);
    }
  }
  const cache = new Map<string, string[]>();
  return {
    ancestors(code: string): string[] {
      const known = cache.get(code);
      if (known) {
        return [...known];
      }
      const chain = [code];
      let parent = parentOf.get(code);
      while (parent !== undefined && !chain.includes(parent)) {
        chain.push(parent);
        parent = parentOf.get(parent);
      }
      cache.set(code, chain);
      return [...chain];
    },
  };
}

function resolveWorkerRegion(chain: RegionChain, regions: RegionIndex): WorkerRegion | null {
  const base = chain.municipality ?? chain.county ?? chain.area;
  if (base === undefined) {
    return null;
  }
  const ancestors = regions.ancestors(base);
  // ancestors() lists the code itself first, then its parents outwards.
  const offset = chain.municipality !== undefined ? 0 : chain.county !== undefined ? 1 : 2;
  const levelAt = (level: number) => (level - offset >= 0 ? ancestors[level - offset] : undefined);
  const municipality = chain.municipality;
  const county = chain.county ?? levelAt(1);
  const area = chain.area ?? levelAt(2);
  const national = new Set(
    ancestors.filter((code) => code !== municipality && code !== county && code !== area),
  );
  return { municipality, county, area, national };
}

/**
 * Where a station stands from the worker's point of view. A station that serves a county
 * serves its municipalities; one that serves only other municipalities of the same catchment
 * area still belongs to the worker's OT-keskus (its experts consult by phone and go out).
 */
function regionTier(
  station: StationCandidate,
  worker: WorkerRegion | null,
  regions: RegionIndex,
): RegionTier {
  if (worker === null || station.regionCodes.length === 0) {
    return 'UNKNOWN';
  }
  const served = new Set(station.regionCodes);
  if (worker.municipality !== undefined && served.has(worker.municipality)) {
    return 'MUNICIPALITY';
  }
  if (worker.county !== undefined && served.has(worker.county)) {
    return 'COUNTY';
  }
  if (worker.area !== undefined && served.has(worker.area)) {
    return 'OT_AREA';
  }
  if (station.regionCodes.some((code) => worker.national.has(code))) {
    return 'NATIONAL';
  }
  const near = worker.area ?? worker.county;
  if (
    near !== undefined &&
    station.regionCodes.some((code) => regions.ancestors(code).includes(near))
  ) {
    return 'OT_AREA';
  }
  return 'OTHER_AREA';
}

function isAvailable(station: StationCandidate, today: string): boolean {
  // ISO dates compare as strings; back on the day itself means available.
  return station.awayUntil === null || station.awayUntil <= today;
}

function serviceLevelWeight(level: StationCandidate['serviceLevel']): number {
  return level === null ? ROUTE_WEIGHTS.serviceLevel.NONE : ROUTE_WEIGHTS.serviceLevel[level];
}

/** Whether a station's list holds a code, ignoring case ('PHONE', 'ar'). */
function offers(list: readonly string[], code: string): boolean {
  return list.some((item) => item.toLowerCase() === code.toLowerCase());
}

function shareOf(wanted: readonly string[], offered: readonly string[]): number {
  if (wanted.length === 0) {
    return 0;
  }
  return wanted.filter((code) => offers(offered, code)).length / wanted.length;
}

/** The lines to route: deduplicated, weak side matches dropped, most needed first. */
function neededLines(need: RouteNeed): NeededLine[] {
  const best = new Map<string, number>();
  for (const line of need.lines) {
    if (Number.isFinite(line.score) && line.score > 0) {
      best.set(line.lineCode, Math.max(best.get(line.lineCode) ?? 0, line.score));
    }
  }
  const top = Math.max(0, ...best.values());
  const kept = [...best.entries()]
    .filter(([, score]) => score >= top * ROUTE_WEIGHTS.minRelativeLineScore)
    .sort(([codeA, a], [codeB, b]) => b - a || compareLineCodes(codeA, codeB));
  const total = kept.reduce((sum, [, score]) => sum + score, 0);
  return kept.map(([code, score]) => ({ code, share: score / total }));
}

/** L2 before L10: line codes compare by their number. */
function compareLineCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rotation(count: number, key: number): number {
  return ((key % count) + count) % count;
}

function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Sorts best first. Equally good entries keep id order, rotated by the load-spread key, so
 * that over the hours of a day each of them comes first in turn.
 */
function rankWithLoadSpread<T>(
  items: readonly T[],
  value: (item: T) => number,
  id: (item: T) => string,
  key: number,
): T[] {
  const sorted = [...items].sort((a, b) => value(b) - value(a) || compareIds(id(a), id(b)));
  const ranked: T[] = [];
  for (let start = 0; start < sorted.length; ) {
    const head = sorted[start] as T;
    let end = start + 1;
    while (end < sorted.length && isTie(value(sorted[end] as T), value(head))) {
      end++;
    }
    const group = sorted.slice(start, end).sort((a, b) => compareIds(id(a), id(b)));
    const shift = rotation(group.length, key);
    ranked.push(...group.slice(shift), ...group.slice(0, shift));
    start = end;
  }
  return ranked;
}

/** What a line is worth when this station serves it: coverage, quality, minus the ladder. */
function lineValue(profile: StationProfile, code: string): number {
  return ROUTE_WEIGHTS.coverage + profile.quality - RUNG_PENALTY[profile.rungByLine.get(code) ?? 0];
}

function stopValue(
  profile: StationProfile,
  codes: Iterable<string>,
  shareByLine: ReadonlyMap<string, number>,
): number {
  let value = 0;
  for (const code of codes) {
    value += (shareByLine.get(code) ?? 0) * lineValue(profile, code);
  }
  return value;
}

/** Profiles of the stations on at least one needed line; other stations play no part. */
function buildProfiles(
  need: RouteNeed,
  lines: readonly NeededLine[],
  stations: readonly StationCandidate[],
  regions: RegionIndex,
): StationProfile[] {
  const needed = new Set(lines.map((line) => line.code));
  const worker = resolveWorkerRegion(need.region, regions);
  const languages = normalisedLanguages(need);
  const channels = normalisedChannels(need);
  const profiles: StationProfile[] = [];
  const seen = new Set<string>();
  // Many stations serve the same regions: work out each combination once.
  const tierByRegions = new Map<string, RegionTier>();
  // Id order makes the result independent of the order the stations came in.
  const relevant = stations
    .filter((station) => station.lineCodes.some((code) => needed.has(code)))
    .sort((a, b) => compareIds(a.id, b.id));
  for (const station of relevant) {
    if (seen.has(station.id)) {
      continue;
    }
    seen.add(station.id);
    const regionKey = station.regionCodes.join('\n');
    const tier = tierByRegions.get(regionKey) ?? regionTier(station, worker, regions);
    tierByRegions.set(regionKey, tier);
    const rungByLine = new Map<string, Rung>();
    for (const code of station.lineCodes) {
      if (!needed.has(code)) {
        continue;
      }
      const rung: Rung =
        tier === 'OTHER_AREA'
          ? 3
          : station.kind === 'UNIT'
            ? 2
            : station.coordinatorOf.includes(code)
              ? 1
              : 0;
      rungByLine.set(code, rung);
    }
    const available = isAvailable(station, need.today);
    const quality =
      (available ? ROUTE_WEIGHTS.available : 0) +
      ROUTE_WEIGHTS.region[tier] +
      ROUTE_WEIGHTS.language * shareOf(languages, station.languages) +
      ROUTE_WEIGHTS.channel * shareOf(channels, station.channels) +
      (need.urgency === 'ACUTE' && offers(station.channels, 'PHONE')
        ? ROUTE_WEIGHTS.acutePhone
        : 0) +
      serviceLevelWeight(station.serviceLevel);
    profiles.push({ station, tier, available, quality, rungByLine });
  }
  return profiles;
}

/**
 * Each line's pool: the regular experts who serve the worker's region. When none of them is
 * available (a thin match), the fallback ladder joins: coordinators, units, other areas; their
 * penalties in {@link ROUTE_WEIGHTS} keep the ladder's order.
 */
function buildNetwork(
  lines: readonly NeededLine[],
  profiles: readonly StationProfile[],
  key: number,
): RoutingNetwork {
  const shareByLine = new Map(lines.map((line) => [line.code, line.share]));
  const pools = new Map<string, PoolEntry[]>();
  const eligibleLines = new Map<StationProfile, Set<string>>();
  for (const line of lines) {
    const onLine = profiles.filter((profile) => profile.rungByLine.has(line.code));
    const thin = !onLine.some(
      (profile) => profile.rungByLine.get(line.code) === 0 && profile.available,
    );
    const entries = onLine
      .filter((profile) => thin || profile.rungByLine.get(line.code) === 0)
      .map((profile) => ({ profile, value: lineValue(profile, line.code) }));
    const pool = rankWithLoadSpread(
      entries,
      (entry) => entry.value,
      (entry) => entry.profile.station.id,
      key,
    );
    for (const { profile } of pool) {
      const codes = eligibleLines.get(profile) ?? new Set<string>();
      codes.add(line.code);
      eligibleLines.set(profile, codes);
    }
    pools.set(line.code, pool);
  }
  const interchangePositions = new Map<string, number[]>();
  const bestSinglePosition = new Map<string, number>();
  for (const [code, pool] of pools) {
    const positions: number[] = [];
    pool.forEach((entry, position) => {
      if ((eligibleLines.get(entry.profile)?.size ?? 0) > 1) {
        positions.push(position);
      } else if (!bestSinglePosition.has(code)) {
        bestSinglePosition.set(code, position);
      }
    });
    interchangePositions.set(code, positions);
  }
  return {
    coverable: lines.filter((line) => (pools.get(line.code)?.length ?? 0) > 0),
    shareByLine,
    pools,
    eligibleLines,
    interchangePositions,
    bestSinglePosition,
  };
}

/**
 * Grows an itinerary from its first station: the most needed uncovered line next, by the
 * station that adds the most, with one step of look-ahead so that an interchange wins over
 * a change of station when it is about as good.
 */
function completeItinerary(
  first: StationProfile,
  seedOrder: number,
  network: RoutingNetwork,
): PlannedItinerary {
  const { coverable, shareByLine, pools, eligibleLines } = network;
  const stops: PlannedStop[] = [];
  const covered = new Set<string>();
  const addStop = (profile: StationProfile) => {
    const serves = eligibleLines.get(profile);
    const codes = coverable
      .map((line) => line.code)
      .filter((code) => !covered.has(code) && (serves?.has(code) ?? false));
    for (const code of codes) {
      covered.add(code);
    }
    stops.push({ profile, lineCodes: codes });
  };
  addStop(first);
  for (const line of coverable) {
    if (covered.has(line.code)) {
      continue;
    }
    const pool = pools.get(line.code) ?? [];
    const remaining = coverable.filter((other) => !covered.has(other.code));
    const gain = (profile: StationProfile): number => {
      const serves = eligibleLines.get(profile);
      let value = 0;
      let leftOver = false;
      for (const other of remaining) {
        if (serves?.has(other.code)) {
          value += other.share * lineValue(profile, other.code);
        } else {
          value += other.share * (pools.get(other.code)?.[0]?.value ?? 0);
          leftOver = true;
        }
      }
      return value - (leftOver ? ROUTE_WEIGHTS.transfer : 0);
    };
    // Stations serving only this line rank as in the pool, so its best single-line station
    // stands for all of them; interchanges are weighed one by one.
    const positions = [
      ...(network.interchangePositions.get(line.code) ?? []),
      network.bestSinglePosition.get(line.code),
    ]
      .filter((position): position is number => position !== undefined)
      .sort((a, b) => a - b);
    let chosen: PoolEntry | undefined;
    let chosenGain = Number.NEGATIVE_INFINITY;
    for (const position of positions) {
      const entry = pool[position];
      if (!entry) {
        continue;
      }
      const value = gain(entry.profile);
      if (chosen === undefined || (value > chosenGain && !isTie(value, chosenGain))) {
        chosen = entry;
        chosenGain = value;
      }
    }
    if (chosen) {
      addStop(chosen.profile);
    }
  }
  const lineRank = new Map(coverable.map((line, index) => [line.code, index]));
  const rankOf = (stop: PlannedStop) => lineRank.get(stop.lineCodes[0] ?? '') ?? coverable.length;
  stops.sort((a, b) => rankOf(a) - rankOf(b));
  const raw =
    stops.reduce((sum, stop) => sum + stopValue(stop.profile, stop.lineCodes, shareByLine), 0) -
    ROUTE_WEIGHTS.transfer * (stops.length - 1);
  const signature = stops
    .map((stop) => `${stop.profile.station.id}:${stop.lineCodes.join(',')}`)
    .sort()
    .join('|');
  return { raw, seedOrder, signature, stops };
}

/**
 * First stations to grow itineraries from: the best few of each line and the best
 * interchanges, in ranked order (which carries the load-spread rotation).
 */
function chooseSeeds(network: RoutingNetwork, count: number, key: number): StationProfile[] {
  const seeds: StationProfile[] = [];
  const add = (profile: StationProfile) => {
    if (!seeds.includes(profile)) {
      seeds.push(profile);
    }
  };
  for (const line of network.coverable) {
    for (const entry of (network.pools.get(line.code) ?? []).slice(0, count)) {
      add(entry.profile);
    }
  }
  const interchanges = [...network.eligibleLines.entries()]
    .filter(([, codes]) => codes.size > 1)
    .map(([profile, codes]) => ({
      profile,
      value: stopValue(profile, codes, network.shareByLine),
    }));
  const ranked = rankWithLoadSpread(
    interchanges,
    (entry) => entry.value,
    (entry) => entry.profile.station.id,
    key,
  );
  for (const entry of ranked.slice(0, count)) {
    add(entry.profile);
  }
  return seeds;
}

function normalisedLanguages(need: RouteNeed): string[] {
  return [...new Set(need.languages.map((code) => code.toLowerCase()))];
}

function normalisedChannels(need: RouteNeed): string[] {
  return [...new Set(need.channels.map((code) => code.toUpperCase()))];
}

/**
 * Plans up to `maxItineraries` ways to consult on a case, best first.
 *
 * Stations are ranked per needed line by coverage, availability, region, language, channel and
 * service level ({@link ROUTE_WEIGHTS}). An interchange covering several needed lines is one
 * stop; otherwise the itinerary changes station (a transfer), one stop per line. When a line has
 * no available expert serving the worker's region (a thin match), the fallback ladder joins in:
 * the line's coordinator, then its fixed unit, then a station of another cooperation area.
 * Ties are broken by station id, rotated by `loadSpreadKey`. The same input always gives the
 * same result, whatever the order of `stations`.
 */
export function planRoutes(
  need: RouteNeed,
  stations: readonly StationCandidate[],
  regions: RegionIndex,
  options: PlanOptions = {},
): Itinerary[] {
  const maxItineraries = Math.max(0, Math.floor(options.maxItineraries ?? 3));
  const key = Math.floor(options.loadSpreadKey ?? 0);
  const lines = neededLines(need);
  if (maxItineraries === 0 || lines.length === 0) {
    return [];
  }
  const profiles = buildProfiles(need, lines, stations, regions);
  const network = buildNetwork(lines, profiles, key);
  if (network.coverable.length === 0) {
    return [];
  }

  const planned = new Map<string, PlannedItinerary>();
  chooseSeeds(network, maxItineraries + 1, key).forEach((seed, seedOrder) => {
    const itinerary = completeItinerary(seed, seedOrder, network);
    const known = planned.get(itinerary.signature);
    if (!known || itinerary.raw > known.raw) {
      planned.set(itinerary.signature, { ...itinerary, seedOrder: known?.seedOrder ?? seedOrder });
    }
  });
  const ranked = [...planned.values()].sort((a, b) =>
    isTie(a.raw, b.raw) ? a.seedOrder - b.seedOrder : b.raw - a.raw,
  );

  const languages = normalisedLanguages(need);
  const channels = normalisedChannels(need);
  return ranked.slice(0, maxItineraries).map((itinerary) => ({
    score: Math.round(Math.min(1, Math.max(0, itinerary.raw / MAX_LINE_VALUE)) * 10_000) / 10_000,
    stops: itinerary.stops.map((stop) => ({
      lineCode: stop.lineCodes[0] ?? '',
      stationId: stop.profile.station.id,
      reasons: stopReasons(stop, need, languages, channels),
    })),
    transfer: itinerary.stops.length > 1,
    fallback: itinerary.stops.some((stop) =>
      stop.lineCodes.some((code) => (stop.profile.rungByLine.get(code) ?? 0) > 0),
    ),
  }));
}

function stopReasons(
  stop: PlannedStop,
  need: RouteNeed,
  languages: readonly string[],
  channels: readonly string[],
): string[] {
  const { station, tier, available, rungByLine } = stop.profile;
  const reasons = [`COVERS_LINES:${stop.lineCodes.join(',')}`];
  const rungs = [...new Set(stop.lineCodes.map((code) => rungByLine.get(code) ?? 0))].sort();
  for (const rung of rungs) {
    const reason = RUNG_REASON[rung];
    if (reason) {
      reasons.push(reason);
    }
  }
  reasons.push(available ? 'AVAILABLE' : `AWAY_UNTIL:${station.awayUntil}`);
  const regionReason = REGION_REASON[tier];
  if (regionReason) {
    reasons.push(regionReason);
  }
  for (const language of languages) {
    if (offers(station.languages, language)) {
      reasons.push(`SPEAKS:${language}`);
    }
  }
  const wantedChannels =
    need.urgency === 'ACUTE' && !channels.includes('PHONE') ? ['PHONE', ...channels] : channels;
  for (const channel of wantedChannels) {
    if (offers(station.channels, channel)) {
      reasons.push(`CHANNEL:${channel}`);
    }
  }
  if (station.serviceLevel === 'DEMANDING' || station.serviceLevel === 'NATIONAL') {
    reasons.push(`SERVICE_LEVEL:${station.serviceLevel}`);
  }
  return reasons;
}

/** Languages of the explanations: the UI languages. */
export type ExplanationLang = 'fi' | 'sv' | 'en';

/** Display names for the ids and codes in an itinerary. */
export interface ExplanationNames {
  station(id: string): string;
  line(code: string): string;
}

type Phrasebook = Readonly<Record<ExplanationLang, string>>;

const CHANNEL_NAMES: Readonly<Record<string, Phrasebook>> = {
  PHONE: { fi: 'puhelin', sv: 'telefon', en: 'phone' },
  VIDEO: { fi: 'video', sv: 'video', en: 'video' },
  CHAT: { fi: 'chat', sv: 'chatt', en: 'chat' },
  EMAIL: { fi: 'sähköposti', sv: 'e-post', en: 'e-mail' },
  ON_SITE: { fi: 'käynti paikan päällä', sv: 'besök på plats', en: 'on-site visit' },
  NETWORK_MEETING: { fi: 'verkostokokous', sv: 'nätverksmöte', en: 'network meeting' },
  WORK_PAIR: { fi: 'työpari', sv: 'arbetspar', en: 'work pair' },
};

/** Sign languages have codes that display-name data often lacks. */
const SIGN_LANGUAGE_NAMES: Readonly<Record<string, Phrasebook>> = {
  fse: {
    fi: 'suomalainen viittomakieli',
    sv: 'finskt teckenspråk',
    en: 'Finnish Sign Language',
  },
  fss: {
    fi: 'suomenruotsalainen viittomakieli',
    sv: 'finlandssvenskt teckenspråk',
    en: 'Finland-Swedish Sign Language',
  },
};

const FIXED_REASONS: Readonly<Record<string, Phrasebook>> = {
  AVAILABLE: { fi: 'tavoitettavissa nyt', sv: 'tillgänglig nu', en: 'available now' },
  SAME_MUNICIPALITY: {
    fi: 'palvelee kuntaasi',
    sv: 'betjänar din kommun',
    en: 'serves your municipality',
  },
  SAME_COUNTY: {
    fi: 'palvelee hyvinvointialuettasi',
    sv: 'betjänar ditt välfärdsområde',
    en: 'serves your wellbeing services county',
  },
  OT_AREA: {
    fi: 'toimii OT-keskuksesi alueella',
    sv: 'verkar inom ditt OT-centers område',
    en: "works in your OT centre's area",
  },
  NATIONAL: {
    fi: 'palvelee koko maata',
    sv: 'betjänar hela landet',
    en: 'serves the whole country',
  },
  COORDINATOR_FALLBACK: {
    fi: 'linjan koordinoiva vastuutyöntekijä',
    sv: 'linjens koordinerande ansvariga arbetstagare',
    en: "the line's coordinating responsible worker",
  },
  UNIT_FALLBACK: {
    fi: 'linjan kiinteä yksikkö',
    sv: 'linjens fasta enhet',
    en: "the line's fixed unit",
  },
  OTHER_AREA_FALLBACK: {
    fi: 'toisen yhteistyöalueen OT-keskuksesta',
    sv: 'från ett annat samarbetsområdes OT-center',
    en: "from another cooperation area's OT centre",
  },
  'SERVICE_LEVEL:DEMANDING': {
    fi: 'vaativan erityistason (OT-tason) osaaja',
    sv: 'kunnande på krävande specialnivå (OT-nivå)',
    en: 'demanding special (OT) level',
  },
  'SERVICE_LEVEL:NATIONAL': {
    fi: 'kansallisen tason osaaja',
    sv: 'kunnande på nationell nivå',
    en: 'national level',
  },
};

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const EXPLANATION_TEXT: Readonly<Record<string, Phrasebook>> = {
  expert: { fi: 'Miksi tämä asiantuntija', sv: 'Varför den här experten', en: 'Why this expert' },
  unit: { fi: 'Miksi tämä yksikkö', sv: 'Varför den här enheten', en: 'Why this unit' },
  several: {
    fi: 'Miksi nämä asiantuntijat',
    sv: 'Varför de här experterna',
    en: 'Why these experts',
  },
  change: { fi: 'Vaihto', sv: 'Byte', en: 'Change' },
  fallback: {
    fi: 'Varareitti: linjalla ei juuri nyt ole vapaata asiantuntijaa alueellasi.',
    sv: 'Reservväg: linjen har just nu ingen ledig expert i ditt område.',
    en: 'Fallback route: the line has no available expert in your area right now.',
  },
  and: { fi: 'ja', sv: 'och', en: 'and' },
};

function text(key: string, lang: ExplanationLang): string {
  return EXPLANATION_TEXT[key]?.[lang] ?? key;
}

/** "L8", "L8 ja L3", "L8, L3 ja L2". */
function listInLanguage(items: readonly string[], lang: ExplanationLang): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} ${text('and', lang)} ${items.at(-1)}`;
}

function languageName(code: string, lang: ExplanationLang): string {
  const sign = SIGN_LANGUAGE_NAMES[code]?.[lang];
  if (sign) {
    return sign;
  }
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    // Not a well-formed language code: show it as given.
    return code;
  }
}

/** 2026-12-01 -> "1.12.2026" (fi, sv) or "1 December 2026" (en); other text unchanged. */
function formatDate(isoDate: string, lang: ExplanationLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) {
    return isoDate;
  }
  const [, year, month, day] = match;
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (lang === 'en') {
    return `${dayNumber} ${ENGLISH_MONTHS[monthNumber - 1] ?? month} ${year}`;
  }
  return `${dayNumber}.${monthNumber}.${year}`;
}

/**
 * One reason code in plain language, e.g. `SPEAKS:ar` -> "kielitaito: arabia" (fi),
 * `AWAY_UNTIL:2026-12-01` -> "away, back on 1 December 2026" (en). Unknown codes come back
 * unchanged, so a new code never hides a reason.
 */
export function formatReason(code: string, lang: ExplanationLang): string {
  const fixed = FIXED_REASONS[code]?.[lang];
  if (fixed) {
    return fixed;
  }
  const separator = code.indexOf(':');
  const kind = separator < 0 ? code : code.slice(0, separator);
  const value = separator < 0 ? '' : code.slice(separator + 1);
  switch (kind) {
    case 'COVERS_LINES': {
      const codes = value.split(',').filter((line) => line.length > 0);
      const list = listInLanguage(codes, lang);
      if (codes.length <= 1) {
        return { fi: `linja ${list}`, sv: `linje ${list}`, en: `line ${list}` }[lang];
      }
      return {
        fi: `kattaa linjat ${list} yhdellä pysäkillä`,
        sv: `täcker linjerna ${list} vid en och samma station`,
        en: `covers lines ${list} at one stop`,
      }[lang];
    }
    case 'SPEAKS': {
      const name = languageName(value, lang);
      return { fi: `kielitaito: ${name}`, sv: `talar ${name}`, en: `speaks ${name}` }[lang];
    }
    case 'AWAY_UNTIL': {
      const date = formatDate(value, lang);
      return {
        fi: `poissa, tavoitettavissa ${date} alkaen`,
        sv: `borta, tillbaka ${date}`,
        en: `away, back on ${date}`,
      }[lang];
    }
    case 'CHANNEL': {
      const name = CHANNEL_NAMES[value]?.[lang] ?? value.toLowerCase();
      return { fi: `kanava: ${name}`, sv: `kanal: ${name}`, en: `channel: ${name}` }[lang];
    }
    default:
      return code;
  }
}

/**
 * A plain-language explanation of an itinerary for the worker ("Miksi tämä asiantuntija: ..."),
 * built only from its reason codes and the given display names: one sentence per stop, the
 * changes between stops, and a note when the route is a fallback.
 */
export function explainItinerary(
  itinerary: Itinerary,
  lang: ExplanationLang,
  names: ExplanationNames,
): string {
  const [first] = itinerary.stops;
  if (!first) {
    return '';
  }
  const header =
    itinerary.stops.length > 1
      ? text('several', lang)
      : first.reasons.includes('UNIT_FALLBACK')
        ? text('unit', lang)
        : text('expert', lang);
  const sentences = itinerary.stops.map((stop, index) => {
    const covers = stop.reasons.find((reason) => reason.startsWith('COVERS_LINES:'));
    const lineCodes = covers
      ? covers
          .slice('COVERS_LINES:'.length)
          .split(',')
          .filter((code) => code.length > 0)
      : [stop.lineCode];
    const lineLabels = lineCodes.map((code) => `${code} ${names.line(code)}`).join(', ');
    const reasons = stop.reasons
      .filter((reason) => reason !== covers || lineCodes.length > 1)
      .map((reason) => formatReason(reason, lang));
    const prefix = index === 0 ? '' : `${text('change', lang)}: `;
    return `${prefix}${names.station(stop.stationId)} (${lineLabels}): ${reasons.join(', ')}.`;
  });
  const note = itinerary.fallback ? ` ${text('fallback', lang)}` : '';
  return `${header}: ${sentences.join(' ')}${note}`;
}
