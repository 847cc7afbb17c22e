/**
 * Where routeCase gets the network from: straight from Neo4j (four small reads per request), or
 * from the routing snapshot kept in memory while the network revision is unchanged
 * (features/audit/network-revision-cache.ts; READ_CACHE=false turns it off). Both give the same
 * candidates for the same question: the snapshot narrows in memory by the rule CANDIDATES applies
 * in Cypher ({@link narrowCandidates}).
 */

import type { LineRepository } from '../lines/line.repository.ts';
import type { LineNode } from '../lines/line.types.ts';
import type { StationRepository } from '../stations/station.repository.ts';
import type { StationNode } from '../stations/station.types.ts';
import { createRegionIndex, type RegionIndex, type StationCandidate } from './route-score.ts';
import type {
  RegionTreeRow,
  RoutingRepository,
  RoutingSnapshotRows,
} from './routing.repository.ts';

export interface RegionTree {
  rows: readonly RegionTreeRow[];
  index: RegionIndex;
}

export interface RoutingSource {
  /** Active lines, L1 first. */
  activeLines(): Promise<readonly LineNode[]>;
  regionTree(): Promise<RegionTree>;
  /** Stations of the lines, narrowed to those that can win in `area`; in id order. */
  candidates(lineCodes: readonly string[], area: string | null): Promise<StationCandidate[]>;
  stationsByIds(ids: readonly string[]): Promise<Map<string, StationNode>>;
}

/** Reads from Neo4j on every call: the path without READ_CACHE. */
export function liveRoutingSource(repositories: {
  lines: LineRepository;
  routing: RoutingRepository;
  stations: StationRepository;
}): RoutingSource {
  return {
    activeLines: () => repositories.lines.listActive(),
    regionTree: async () => {
      const rows = await repositories.routing.regionTree();
      return { rows, index: createRegionIndex(rows) };
    },
    candidates: (lineCodes, area) => repositories.routing.candidates(lineCodes, area),
    stationsByIds: (ids) => repositories.stations.findByIds(ids),
  };
}

/**
 * The rule of CANDIDATES (routing.repository.ts) in memory: with the worker's cooperation area
 * known, the stations serving a region in that area (the area, its counties, their
 * municipalities) or the whole country, and every coordinator and unit (the fallback ladder).
 * Experts of other areas rank below all of these, so leaving them out changes no plan.
 */
export function narrowCandidates(
  stations: Iterable<StationCandidate>,
  area: string | null,
  regions: RegionIndex,
): StationCandidate[] {
  const kept: StationCandidate[] = [];
  for (const station of stations) {
    if (
      area === null ||
      station.kind === 'UNIT' ||
      station.coordinatorOf.length > 0 ||
      station.regionCodes.some(
        (code) =>
          code === area || code === 'FI' || regions.ancestors(code).slice(1, 3).includes(area),
      )
    ) {
      kept.push(station);
    }
  }
  return kept;
}

/** Code-point order, as Cypher's ORDER BY sorts strings. */
function byId(a: StationCandidate, b: StationCandidate): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The network as routing needs it, indexed for routeCase; never modified once built. */
export interface RoutingSnapshot {
  lines: readonly LineNode[];
  regions: RegionTree;
  /** Active line code -> its stations. */
  stationsByLine: ReadonlyMap<string, readonly StationCandidate[]>;
  stations: ReadonlyMap<string, StationNode>;
}

export function buildRoutingSnapshot(rows: RoutingSnapshotRows): RoutingSnapshot {
  const active = new Set(rows.lines.map((line) => line.code));
  const stationsByLine = new Map<string, StationCandidate[]>();
  const stations = new Map<string, StationNode>();
  for (const { candidate, station } of rows.stations) {
    stations.set(station.id, station);
    for (const code of candidate.lineCodes) {
      if (active.has(code)) {
        const onLine = stationsByLine.get(code) ?? [];
        onLine.push(candidate);
        stationsByLine.set(code, onLine);
      }
    }
  }
  return {
    lines: rows.lines,
    regions: { rows: rows.regions, index: createRegionIndex(rows.regions) },
    stationsByLine,
    stations,
  };
}

/** Answers from the snapshot: no Neo4j read at all. */
export function snapshotRoutingSource(snapshot: RoutingSnapshot): RoutingSource {
  return {
    activeLines: async () => snapshot.lines,
    regionTree: async () => snapshot.regions,
    candidates: async (lineCodes, area) => {
      const onLines = new Map<string, StationCandidate>();
      for (const code of lineCodes) {
        for (const station of snapshot.stationsByLine.get(code) ?? []) {
          onLines.set(station.id, station);
        }
      }
      return narrowCandidates(onLines.values(), area, snapshot.regions.index).sort(byId);
    },
    stationsByIds: async (ids) => {
      const found = new Map<string, StationNode>();
      for (const id of ids) {
        const station = snapshot.stations.get(id);
        if (station) {
          found.set(id, station);
        }
      }
      return found;
    },
  };
}
