/** Cypher for the metro map: everything it draws, in one transaction of two queries. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import { LINE_FIELDS } from '../lines/line.repository.ts';
import type { MapLineRow, MapStationRow, NetworkMapRows } from './network-map.types.ts';

/** One row: the lines with their stations in order, and the stored line order on segments. */
const MAP_LINES = /* cypher */ `
  CALL () {
    MATCH (l:Line) WHERE coalesce(l.active, true)
    CALL (l) {
      MATCH (s:Station)-[on:ON_LINE]->(l)
      WITH s, on ORDER BY on.position, s.id
      RETURN collect(s.id) AS stationIds
    }
    WITH l, stationIds ORDER BY l.number, l.code
    RETURN collect({line: ${LINE_FIELDS}, stationIds: stationIds}) AS lines
  }
  OPTIONAL MATCH (layout:MapLayout {id: 'current'})
  RETURN lines, layout.segmentOrder AS segmentOrder`;

const MAP_STATIONS = /* cypher */ `
  MATCH (s:Station)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true)
  WITH s, l ORDER BY l.number, l.code
  WITH s, collect(l.code) AS lineCodes
  RETURN s.id AS id, s.name AS label, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind,
         s.x AS x, s.y AS y, lineCodes, toString(s.awayUntil) AS awayUntil
  ORDER BY s.id`;

export class NetworkMapRepository {
  constructor(private readonly database: Database) {}

  async load(): Promise<NetworkMapRows> {
    return readTransaction(this.database, async (tx) => {
      const [layout] = recordsOf<{ lines: MapLineRow[]; segmentOrder: string | null }>(
        await tx.run(MAP_LINES),
      );
      const stations = recordsOf<MapStationRow>(await tx.run(MAP_STATIONS));
      return {
        lines: layout?.lines ?? [],
        stations,
        segmentOrder: layout?.segmentOrder
          ? (JSON.parse(layout.segmentOrder) as Record<string, string[]>)
          : {},
      };
    });
  }
}
