/**
 * The researchers' analytics of the whole network, computed from plain rows with no I/O, so
 * they can be unit-tested on a hand-made graph and benchmarked at national scale.
 *
 * The station graph is the metro map's: an undirected edge between stations that follow each
 * other on some line. Betweenness comes from graphology's indexed Brandes (betweenness-parts.ts)
 * and articulation points from Cytoscape.js (Hopcroft-Tarjan), both maintained libraries; the
 * rest is counting.
 */
import cytoscape from 'cytoscape';
import { UndirectedGraph } from 'graphology';
import type {
  AnalyticsInput,
  CoverageCell,
  CoverageInput,
  LineDependency,
  LineOverlap,
  LineResearch,
  NetworkAnalyticsResult,
  StationCentrality,
} from './analytics.types.ts';
import { betweennessOf } from './betweenness-parts.ts';

/** Whether a station is away on `today` (ISO date): `awayUntil` is the first day back. */
export function isAway(awayUntil: string | null, today: string): boolean {
  return awayUntil !== null && awayUntil > today;
}

/** Builds the undirected station graph: stations as nodes, consecutive stations as edges. */
export function stationGraph(input: AnalyticsInput): UndirectedGraph {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const station of input.stations) {
    graph.mergeNode(station.id);
  }
  for (const line of input.lines) {
    for (let i = 1; i < line.stationIds.length; i += 1) {
      const from = line.stationIds[i - 1] as string;
      const to = line.stationIds[i] as string;
      if (from !== to) {
        graph.mergeNode(from);
        graph.mergeNode(to);
        graph.mergeEdge(from, to);
      }
    }
  }
  return graph;
}

/** Articulation points (cut vertices) of the station graph, by Cytoscape's Hopcroft-Tarjan. */
export function articulationPoints(graph: UndirectedGraph): Set<string> {
  const elements: cytoscape.ElementDefinition[] = [];
  graph.forEachNode((node) => {
    elements.push({ group: 'nodes', data: { id: node } });
  });
  graph.forEachEdge((edge, _attributes, source, target) => {
    elements.push({ group: 'edges', data: { id: `e${edge}`, source, target } });
  });
  const cy = cytoscape({ headless: true, styleEnabled: false, elements });
  try {
    const { cut } = cy.elements().hopcroftTarjanBiconnected();
    return new Set(cut.map((node) => node.id()));
  } finally {
    cy.destroy();
  }
}

function lineCodesByStation(input: AnalyticsInput): Map<string, string[]> {
  const byStation = new Map<string, string[]>();
  const ordered = [...input.lines].sort((a, b) => a.number - b.number);
  for (const line of ordered) {
    for (const id of new Set(line.stationIds)) {
      const codes = byStation.get(id) ?? [];
      codes.push(line.code);
      byStation.set(id, codes);
    }
  }
  return byStation;
}

/** Shared stations of every pair of lines (each unordered pair once, in line order). */
export function lineOverlaps(input: AnalyticsInput): LineOverlap[] {
  const ordered = [...input.lines].sort((a, b) => a.number - b.number);
  const sets = ordered.map((line) => new Set(line.stationIds));
  const overlaps: LineOverlap[] = [];
  for (let a = 0; a < ordered.length; a += 1) {
    for (let b = a + 1; b < ordered.length; b += 1) {
      const setA = sets[a] as Set<string>;
      const setB = sets[b] as Set<string>;
      let shared = 0;
      for (const id of setA) {
        if (setB.has(id)) {
          shared += 1;
        }
      }
      overlaps.push({
        lineA: (ordered[a] as { code: string }).code,
        lineB: (ordered[b] as { code: string }).code,
        sharedStations: shared,
      });
    }
  }
  return overlaps;
}

/** Region code -> the municipality codes it stands for (itself for a municipality). */
export function municipalitiesUnder(input: Pick<CoverageInput, 'regions'>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const region of input.regions) {
    if (region.parentCode) {
      const list = children.get(region.parentCode) ?? [];
      list.push(region.code);
      children.set(region.parentCode, list);
    }
  }
  const kindOf = new Map(input.regions.map((region) => [region.code, region.kind]));
  const memo = new Map<string, string[]>();
  const collect = (code: string): string[] => {
    const known = memo.get(code);
    if (known) {
      return known;
    }
    const result =
      kindOf.get(code) === 'MUNICIPALITY'
        ? [code]
        : (children.get(code) ?? []).flatMap((child) => collect(child));
    memo.set(code, result);
    return result;
  };
  for (const region of input.regions) {
    collect(region.code);
  }
  return memo;
}

/**
 * Municipality codes of the centre's area: every cooperation area (yhteistyöalue) in which some
 * station of the network serves a region. Stations that serve the whole country do not widen it.
 * Coverage gaps are counted here only: a county of another centre is not this network's gap.
 */
export function serviceAreaMunicipalities(
  input: Pick<CoverageInput, 'regions' | 'stations'>,
): Set<string> {
  const regionByCode = new Map(input.regions.map((region) => [region.code, region]));
  const under = municipalitiesUnder(input);
  const areaOf = (code: string): string | null => {
    let region = regionByCode.get(code);
    if (!region || region.kind === 'COUNTRY') {
      return null;
    }
    // Up to the area, or to the top-most region below the country in a graph without areas.
    while (region.kind !== 'AREA' && region.parentCode) {
      const parent = regionByCode.get(region.parentCode);
      if (!parent || parent.kind === 'COUNTRY') {
        break;
      }
      region = parent;
    }
    return region.code;
  };
  const areas = new Set<string>();
  for (const station of input.stations) {
    for (const code of station.regionCodes) {
      const area = areaOf(code);
      if (area) {
        areas.add(area);
      }
    }
  }
  return new Set([...areas].flatMap((area) => under.get(area) ?? []));
}

interface CoverageTally {
  available: Set<string>;
  away: Set<string>;
}

/**
 * Coverage of every line in every municipality and wellbeing county of the centre's area, and
 * the experts a line depends on: who is the only available station of the line somewhere.
 */
export function coverageAndDependencies(
  input: CoverageInput,
  today: string,
): { coverage: CoverageCell[]; dependencies: LineDependency[] } {
  const under = municipalitiesUnder(input);
  const stationById = new Map(input.stations.map((station) => [station.id, station]));
  const area = serviceAreaMunicipalities(input);
  const municipalities = input.regions.filter(
    (region) => region.kind === 'MUNICIPALITY' && area.has(region.code),
  );
  const counties = input.regions.filter(
    (region) =>
      region.kind === 'COUNTY' && (under.get(region.code) ?? []).some((code) => area.has(code)),
  );
  const coverage: CoverageCell[] = [];
  const dependencies: LineDependency[] = [];
  const ordered = [...input.lines].sort((a, b) => a.number - b.number);
  for (const line of ordered) {
    const tally = new Map<string, CoverageTally>();
    let experts = 0;
    let availableExperts = 0;
    for (const id of new Set(line.stationIds)) {
      const station = stationById.get(id);
      if (!station) {
        continue;
      }
      const away = isAway(station.awayUntil, today);
      if (station.kind === 'EXPERT') {
        experts += 1;
        availableExperts += away ? 0 : 1;
      }
      const served = new Set(station.regionCodes.flatMap((code) => under.get(code) ?? []));
      for (const municipality of served) {
        let entry = tally.get(municipality);
        if (!entry) {
          entry = { available: new Set(), away: new Set() };
          tally.set(municipality, entry);
        }
        (away ? entry.away : entry.available).add(id);
      }
    }
    const statusOf = new Map<string, CoverageCell['status']>();
    for (const municipality of municipalities) {
      const entry = tally.get(municipality.code);
      const available = entry?.available.size ?? 0;
      const away = entry?.away.size ?? 0;
      const status = available > 0 ? 'COVERED' : away > 0 ? 'AWAY_ONLY' : 'UNCOVERED';
      statusOf.set(municipality.code, status);
      coverage.push({
        lineCode: line.code,
        regionCode: municipality.code,
        regionName: municipality.name,
        regionKind: 'MUNICIPALITY',
        status,
        availableStations: available,
        awayStations: away,
      });
    }
    for (const county of counties) {
      const parts = under.get(county.code) ?? [];
      const available = new Set<string>();
      const away = new Set<string>();
      let covered = 0;
      for (const municipality of parts) {
        const entry = tally.get(municipality);
        for (const id of entry?.available ?? []) {
          available.add(id);
        }
        for (const id of entry?.away ?? []) {
          away.add(id);
        }
        covered += statusOf.get(municipality) === 'COVERED' ? 1 : 0;
      }
      const status =
        parts.length > 0 && covered === parts.length
          ? 'COVERED'
          : covered > 0
            ? 'PARTIAL'
            : away.size > 0
              ? 'AWAY_ONLY'
              : 'UNCOVERED';
      coverage.push({
        lineCode: line.code,
        regionCode: county.code,
        regionName: county.name,
        regionKind: 'COUNTY',
        status,
        availableStations: available.size,
        awayStations: away.size,
      });
    }
    const soleCounts = new Map<string, number>();
    for (const entry of tally.values()) {
      if (entry.available.size === 1) {
        const [only] = entry.available;
        if (only && stationById.get(only)?.kind === 'EXPERT') {
          soleCounts.set(only, (soleCounts.get(only) ?? 0) + 1);
        }
      }
    }
    dependencies.push({
      lineCode: line.code,
      experts,
      availableExperts,
      dependsOnOneExpert: availableExperts <= 1,
      soleExperts: [...soleCounts]
        .map(([stationId, count]) => ({
          stationId,
          name: stationById.get(stationId)?.name ?? stationId,
          municipalities: count,
        }))
        .sort((a, b) => b.municipalities - a.municipalities || a.name.localeCompare(b.name, 'fi')),
    });
  }
  return { coverage, dependencies };
}

function byName<T extends { name: string }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

/** Research projects, researchers, partners and methods of every line. */
export function lineResearch(input: AnalyticsInput): LineResearch[] {
  const stationById = new Map(input.stations.map((station) => [station.id, station]));
  const methodName = new Map(input.methods.map((method) => [method.id, method.name]));
  const ordered = [...input.lines].sort((a, b) => a.number - b.number);
  return ordered.map((line) => {
    const projects = input.projects.filter((project) => project.lineCodes.includes(line.code));
    const researchers = new Map<string, { id: string; name: string }>();
    const partners = new Map<string, { id: string; name: string }>();
    for (const project of projects) {
      for (const researcher of project.researchers) {
        researchers.set(researcher.id, researcher);
      }
      for (const partner of project.partners) {
        partners.set(partner.id, partner);
      }
    }
    const methodCounts = new Map<string, number>();
    for (const id of new Set(line.stationIds)) {
      const station = stationById.get(id);
      for (const methodId of new Set(station?.methodIds ?? [])) {
        methodCounts.set(methodId, (methodCounts.get(methodId) ?? 0) + 1);
      }
    }
    return {
      lineCode: line.code,
      projects: projects
        .map((project) => ({ id: project.id, title: project.title }))
        .sort((a, b) => a.title.localeCompare(b.title, 'fi')),
      researchers: byName(researchers.values()),
      partners: byName(partners.values()),
      methods: [...methodCounts]
        .map(([id, experts]) => ({ id, name: methodName.get(id) ?? id, experts }))
        .sort((a, b) => b.experts - a.experts || a.name.localeCompare(b.name, 'fi')),
    };
  });
}

/**
 * Every analysis of the network except the two that take most of the time at national scale:
 * betweenness (seconds) and articulation points (most of a second, in Cytoscape.js). They are
 * computed apart, on other threads at the same time, and filled in by `withBetweenness` and
 * `withArticulationPoints`.
 */
export function analyticsWithoutPaths(
  input: AnalyticsInput,
  options: { revision: number; today: string; now?: Date },
): NetworkAnalyticsResult {
  const graph = stationGraph(input);
  const linesOf = lineCodesByStation(input);
  const stations: StationCentrality[] = input.stations
    .filter((station) => graph.hasNode(station.id))
    .map((station) => ({
      id: station.id,
      name: station.name,
      kind: station.kind,
      lineCodes: linesOf.get(station.id) ?? [],
      degree: graph.degree(station.id),
      betweenness: 0,
      articulationPoint: false,
      away: isAway(station.awayUntil, options.today),
    }));
  const { coverage, dependencies } = coverageAndDependencies(input, options.today);
  const research = lineResearch(input);
  return {
    revision: options.revision,
    today: options.today,
    computedAt: (options.now ?? new Date()).toISOString(),
    stationCount: stations.length,
    edgeCount: graph.size,
    lineCodes: [...input.lines].sort((a, b) => a.number - b.number).map((line) => line.code),
    stations,
    betweennessSources: 0,
    betweennessExact: false,
    overlaps: lineOverlaps(input),
    dependencies,
    coverage,
    research,
    linesWithoutResearch: research
      .filter((line) => line.projects.length === 0)
      .map((line) => line.lineCode),
  };
}

/** Marks the stations that are articulation points (ids). */
export function withArticulationPoints(
  result: NetworkAnalyticsResult,
  cuts: Iterable<string>,
): NetworkAnalyticsResult {
  const cut = new Set(cuts);
  return {
    ...result,
    stations: result.stations.map((station) => ({
      ...station,
      articulationPoint: cut.has(station.id),
    })),
  };
}

/**
 * Fills in each station's betweenness, counted from `count.sources` stations (every one when
 * `count.exact`), and ranks the stations by it (ties by id).
 */
export function withBetweenness(
  result: NetworkAnalyticsResult,
  betweenness: Record<string, number>,
  count: { sources: number; exact: boolean },
): NetworkAnalyticsResult {
  const stations = result.stations
    .map((station) => ({ ...station, betweenness: betweenness[station.id] ?? 0 }))
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id));
  return {
    ...result,
    stations,
    betweennessSources: count.sources,
    betweennessExact: count.exact,
  };
}

/** Computes every analysis of the network from its rows, in this thread. */
export function computeNetworkAnalytics(
  input: AnalyticsInput,
  options: { revision: number; today: string; now?: Date },
): NetworkAnalyticsResult {
  const graph = stationGraph(input);
  const analytics = withArticulationPoints(
    analyticsWithoutPaths(input, options),
    articulationPoints(graph),
  );
  return withBetweenness(analytics, betweennessOf(graph), { sources: graph.order, exact: true });
}
