/**
 * What routing reads from the graph: the candidate stations of the needed lines and the region
 * tree. Only line codes and region codes are sent to Neo4j, never anything of the case text.
 */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import { ACTIVE_LINES } from '../lines/line.repository.ts';
import type { LineNode } from '../lines/line.types.ts';
import { STATION_FIELDS } from '../stations/station.repository.ts';
import type { StationNode } from '../stations/station.types.ts';
import type { StationCandidate } from './route-score.ts';

/**
 * The stations of the needed lines that routing can choose from. With the worker's cooperation
 * area known: those serving a region in that area (or the whole country), and the coordinators
 * and units of every area, which are the fallback ladder; experts of other areas rank below all
 * of these, so leaving them out changes no answer and keeps a national network fast.
 */
const CANDIDATES = /* cypher */ `
  MATCH (s:Station)-[:ON_LINE]->(l:Line)
  WHERE l.code IN $lineCodes AND coalesce(l.active, true)
  WITH DISTINCT s
  WHERE $area IS NULL
     OR s:Unit
     OR EXISTS { (s)-[:ON_LINE {coordinator: true}]->(:Line) }
     OR EXISTS {
       MATCH (s)-[:SERVES]->(r:Region)
       WHERE r.code IN [$area, 'FI'] OR EXISTS { (r)-[:PART_OF*1..2]->(:Region {code: $area}) }
     }
  RETURN s.id AS id, s.name AS name, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind,
         COLLECT { MATCH (s)-[:ON_LINE]->(x:Line) RETURN x.code ORDER BY x.number } AS lineCodes,
         COLLECT { MATCH (s)-[:ON_LINE {coordinator: true}]->(x:Line) RETURN x.code } AS coordinatorOf,
         s.serviceLevel AS serviceLevel,
         coalesce(s.languages, []) AS languages,
         coalesce(s.channels, []) AS channels,
         COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code } AS regionCodes,
         toString(s.awayUntil) AS awayUntil
  ORDER BY id`;

/**
 * Every station on an active line, as routing ranks it and as the answer shows it: the routing
 * snapshot that READ_CACHE keeps in memory. The same candidate fields as CANDIDATES.
 */
const SNAPSHOT_STATIONS = /* cypher */ `
  MATCH (s:Station)-[:ON_LINE]->(l:Line)
  WHERE coalesce(l.active, true)
  WITH DISTINCT s
  RETURN s.id AS id, s.name AS name, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind,
         COLLECT { MATCH (s)-[:ON_LINE]->(x:Line) RETURN x.code ORDER BY x.number } AS lineCodes,
         COLLECT { MATCH (s)-[:ON_LINE {coordinator: true}]->(x:Line) RETURN x.code } AS coordinatorOf,
         s.serviceLevel AS serviceLevel,
         coalesce(s.languages, []) AS languages,
         coalesce(s.channels, []) AS channels,
         COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code } AS regionCodes,
         toString(s.awayUntil) AS awayUntil,
         ${STATION_FIELDS} AS station
  ORDER BY id`;

const REGION_TREE = /* cypher */ `
  MATCH (r:Region)
  RETURN r.code AS code, r.name AS name, r.nameSv AS nameSv, r.kind AS kind,
         head([(r)-[:PART_OF]->(parent:Region) | parent.code]) AS partOf`;

export interface RegionTreeRow {
  code: string;
  name: string;
  nameSv: string | null;
  kind: string;
  partOf: string | null;
}

/** What routing needs of the whole network, read in one transaction. */
export interface RoutingSnapshotRows {
  lines: LineNode[];
  regions: RegionTreeRow[];
  stations: Array<{ candidate: StationCandidate; station: StationNode }>;
}

export class RoutingRepository {
  constructor(private readonly database: Database) {}

  /** Every region with its parent: municipality -> county -> area -> FI. */
  async regionTree(): Promise<RegionTreeRow[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<RegionTreeRow>(await tx.run(REGION_TREE)),
    );
  }

  /** The active lines, the region tree and every station on an active line. */
  async snapshot(): Promise<RoutingSnapshotRows> {
    return readTransaction(this.database, async (tx) => {
      const lines = recordsOf<{ line: LineNode }>(await tx.run(ACTIVE_LINES)).map(
        (row) => row.line,
      );
      const regions = recordsOf<RegionTreeRow>(await tx.run(REGION_TREE));
      const stations = recordsOf<StationCandidate & { station: StationNode }>(
        await tx.run(SNAPSHOT_STATIONS),
      ).map(({ station, ...candidate }) => ({ candidate, station }));
      return { lines, regions, stations };
    });
  }

  /** Candidate stations of the lines; `area` (the worker's cooperation area) narrows them. */
  async candidates(lineCodes: readonly string[], area: string | null): Promise<StationCandidate[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<StationCandidate>(await tx.run(CANDIDATES, { lineCodes, area })),
    );
  }
}
