/** Cypher for stations (experts and units) and their relationships. Knows nothing of GraphQL. */
import { type Database, int, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import { LINE_FIELDS } from '../lines/line.repository.ts';
import type { ExpertFilter, ExpertPage, StationNode } from './station.types.ts';

const STATION_PROPERTIES = /* cypher */ `
  .id, .name, .title, .serviceLevel, .otShare, .email, .phone, .description,
  .pinnedX, .pinnedY,
  version: coalesce(s.version, 0),
  kind: CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END,
  channels: coalesce(s.channels, []),
  languages: coalesce(s.languages, []),
  publicCard: s:Unit OR coalesce(s.publicCard, false),
  awayUntil: toString(s.awayUntil),
  verifiedOn: toString(s.verifiedOn)
`;

/** The projection every station query returns, so that all of them give the same shape. */
export const STATION_FIELDS = /* cypher */ `s {${STATION_PROPERTIES}}`;

const STATIONS_BY_ID = /* cypher */ `
  UNWIND $ids AS id
  MATCH (s:Station {id: id})
  RETURN ${STATION_FIELDS} AS station`;

/** Stations of each line in line order; coordinators only when $coordinatorsOnly. */
const STATIONS_OF_LINES = /* cypher */ `
  UNWIND $lineIds AS lineId
  MATCH (s:Station)-[on:ON_LINE]->(:Line {id: lineId})
  WHERE NOT $coordinatorsOnly OR on.coordinator
  WITH lineId, s, on ORDER BY on.position, s.id
  RETURN lineId, collect(${STATION_FIELDS}) AS stations`;

/**
 * The expert list. A region filter matches experts serving that region, a region inside it
 * (a municipality of a county) or a region containing it (the county of a municipality).
 * Today's date decides availability, so the list is right without a nightly job.
 */
const EXPERT_LIST = /* cypher */ `
  MATCH (s:Expert)
  WHERE ($lineCode IS NULL OR EXISTS { (s)-[:ON_LINE]->(:Line {code: $lineCode}) })
    AND ($language IS NULL OR $language IN s.languages)
    AND ($serviceLevel IS NULL OR s.serviceLevel = $serviceLevel)
    AND ($channel IS NULL OR $channel IN s.channels)
    AND ($methodId IS NULL OR EXISTS { (s)-[:PRACTISES]->(:Method {id: $methodId}) })
    AND ($available IS NULL OR $available = (s.awayUntil IS NULL OR s.awayUntil <= date($today)))
    AND ($regionCode IS NULL OR EXISTS {
      MATCH (s)-[:SERVES]->(served:Region), (wanted:Region {code: $regionCode})
      WHERE served = wanted
         OR EXISTS { (wanted)-[:PART_OF*1..3]->(served) }
         OR EXISTS { (served)-[:PART_OF*1..3]->(wanted) }
    })
  WITH s ORDER BY s.name, s.id
  WITH collect(s) AS matches
  RETURN size(matches) AS totalCount,
         [s IN matches[$offset..($offset + $limit)] | s {${STATION_PROPERTIES},
           lines: COLLECT { MATCH (s)-[:ON_LINE]->(l:Line) RETURN ${LINE_FIELDS} ORDER BY l.number }
         }] AS nodes`;

export class StationRepository {
  constructor(private readonly database: Database) {}

  async findByIds(ids: readonly string[]): Promise<Map<string, StationNode>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ station: StationNode }>(await tx.run(STATIONS_BY_ID, { ids }));
      return new Map(rows.map(({ station }) => [station.id, station]));
    });
  }

  /** Stations of each line in line order: `lineId -> stations`. */
  async stationsOfLines(
    lineIds: readonly string[],
    coordinatorsOnly = false,
  ): Promise<Map<string, StationNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ lineId: string; stations: StationNode[] }>(
        await tx.run(STATIONS_OF_LINES, { lineIds, coordinatorsOnly }),
      );
      return new Map(rows.map((row) => [row.lineId, row.stations]));
    });
  }

  async listExperts(
    filter: ExpertFilter,
    page: { offset: number; limit: number },
    today: string,
  ): Promise<ExpertPage> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<ExpertPage>(
        await tx.run(EXPERT_LIST, {
          lineCode: filter.lineCode ?? null,
          regionCode: filter.regionCode ?? null,
          language: filter.language ?? null,
          serviceLevel: filter.serviceLevel ?? null,
          methodId: filter.methodId ?? null,
          channel: filter.channel ?? null,
          available: filter.available ?? null,
          today,
          offset: int(page.offset),
          limit: int(page.limit),
        }),
      );
      return row ?? { nodes: [], totalCount: 0 };
    });
  }
}
