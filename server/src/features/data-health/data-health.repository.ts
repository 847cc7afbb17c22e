/**
 * Cypher for the data-health checks: the active lines with their coordinators, the stations of
 * the network map with their cards' verification dates, and the regions, read in one transaction
 * together with the network revision they belong to. Knows nothing of GraphQL.
 */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import { REGIONS, REVISION } from '../analytics/analytics.repository.ts';
import type { AnalyticsRegionRow } from '../analytics/analytics.types.ts';
import type { DataHealthInput, HealthLineRow, HealthStationRow } from './data-health.types.ts';

/** Active lines with their stations in line order and the stations marked coordinator. */
const LINES = /* cypher */ `
  MATCH (l:Line) WHERE coalesce(l.active, true)
  CALL (l) {
    MATCH (s:Station)-[on:ON_LINE]->(l)
    WITH s, on ORDER BY on.position, s.id
    RETURN collect(s.id) AS stationIds,
           [id IN collect(CASE WHEN on.coordinator THEN s.id END) WHERE id IS NOT NULL]
             AS coordinatorIds
  }
  RETURN l.code AS code, l.number AS number, stationIds, coordinatorIds
  ORDER BY l.number, l.code`;

/** Every station on at least one active line, with what the checks need of it. */
const STATIONS = /* cypher */ `
  MATCH (s:Station) WHERE EXISTS { (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true) }
  RETURN s.id AS id, s.name AS name, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind,
         toString(s.awayUntil) AS awayUntil, toString(s.verifiedOn) AS verifiedOn,
         COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code } AS regionCodes
  ORDER BY s.id`;

export class DataHealthRepository {
  constructor(private readonly database: Database) {}

  /** The rows of the checks, and the revision they belong to. */
  async load(): Promise<{ revision: number; input: DataHealthInput }> {
    return readTransaction(this.database, async (tx) => {
      const [revisionRow] = recordsOf<{ revision: number }>(await tx.run(REVISION));
      const lines = recordsOf<HealthLineRow>(await tx.run(LINES));
      const stations = recordsOf<HealthStationRow>(await tx.run(STATIONS));
      const regions = recordsOf<AnalyticsRegionRow>(await tx.run(REGIONS));
      return { revision: revisionRow?.revision ?? 0, input: { lines, stations, regions } };
    });
  }
}
