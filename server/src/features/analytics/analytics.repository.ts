/**
 * Cypher for the analytics: the whole network as plain rows, read in one transaction together
 * with the network revision they belong to. Knows nothing of GraphQL.
 */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type {
  AnalyticsInput,
  AnalyticsLineRow,
  AnalyticsMethodRow,
  AnalyticsProjectRow,
  AnalyticsRegionRow,
  AnalyticsStationRow,
} from './analytics.types.ts';

export const REVISION = /* cypher */ `
  OPTIONAL MATCH (r:NetworkRevision {key: 'network'})
  RETURN coalesce(r.value, 0) AS revision`;

/** Active lines, as the network map shows them, with their stations in line order. */
const LINES = /* cypher */ `
  MATCH (l:Line) WHERE coalesce(l.active, true)
  CALL (l) {
    MATCH (s:Station)-[on:ON_LINE]->(l)
    WITH s, on ORDER BY on.position, s.id
    RETURN collect(s.id) AS stationIds
  }
  RETURN l.code AS code, l.number AS number, stationIds
  ORDER BY l.number, l.code`;

/** Every station of the network map (on at least one active line). */
const STATIONS = /* cypher */ `
  MATCH (s:Station) WHERE EXISTS { (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true) }
  RETURN s.id AS id, s.name AS name, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind,
         toString(s.awayUntil) AS awayUntil,
         COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code } AS regionCodes,
         COLLECT { MATCH (s)-[:PRACTISES]->(m:Method) RETURN m.id } AS methodIds
  ORDER BY s.id`;

/** Every region with its parent (municipality -> county -> area -> country). */
export const REGIONS = /* cypher */ `
  MATCH (r:Region)
  OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
  RETURN r.code AS code, r.name AS name, r.kind AS kind, parent.code AS parentCode
  ORDER BY r.code`;

const METHODS = /* cypher */ `
  MATCH (m:Method) RETURN m.id AS id, m.name AS name ORDER BY m.name`;

const PROJECTS = /* cypher */ `
  MATCH (p:ResearchProject)
  RETURN p.id AS id, p.title AS title,
         COLLECT { MATCH (p)-[:INFORMS]->(l:Line) RETURN l.code } AS lineCodes,
         COLLECT { MATCH (r:Researcher)-[:WORKS_ON]->(p) RETURN r { .id, .name } } AS researchers,
         COLLECT { MATCH (p)-[:CONDUCTED_BY]->(o:Organisation) RETURN o { .id, .name } } AS partners
  ORDER BY p.id`;

export class AnalyticsRepository {
  constructor(private readonly database: Database) {}

  /** The current network revision (cheap: one node by its unique key). */
  async revision(): Promise<number> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ revision: number }>(await tx.run(REVISION));
      return row?.revision ?? 0;
    });
  }

  /** The whole network as analytics rows, and the revision they belong to. */
  async load(): Promise<{ revision: number; input: AnalyticsInput }> {
    return readTransaction(this.database, async (tx) => {
      const [revisionRow] = recordsOf<{ revision: number }>(await tx.run(REVISION));
      const lines = recordsOf<AnalyticsLineRow>(await tx.run(LINES));
      const stations = recordsOf<AnalyticsStationRow>(await tx.run(STATIONS));
      const regions = recordsOf<AnalyticsRegionRow>(await tx.run(REGIONS));
      const methods = recordsOf<AnalyticsMethodRow>(await tx.run(METHODS));
      const projects = recordsOf<AnalyticsProjectRow>(await tx.run(PROJECTS));
      return {
        revision: revisionRow?.revision ?? 0,
        input: { lines, stations, regions, methods, projects },
      };
    });
  }
}
