/**
 * What routing reads from the graph: the candidate stations of the needed lines and the region
 * tree. Only line codes and region codes are sent to Neo4j, never anything of the case text.
 */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { StationCandidate } from './route-score.ts';

/** Every station on a needed line, in any cooperation area (the fallback ladder needs them). */
const CANDIDATES = /* cypher */ `
  MATCH (s:Station)-[:ON_LINE]->(l:Line)
  WHERE l.code IN $lineCodes AND coalesce(l.active, true)
  WITH DISTINCT s
  RETURN s.id AS id, s.name AS name, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind,
         COLLECT { MATCH (s)-[:ON_LINE]->(x:Line) RETURN x.code ORDER BY x.number } AS lineCodes,
         COLLECT { MATCH (s)-[:ON_LINE {coordinator: true}]->(x:Line) RETURN x.code } AS coordinatorOf,
         s.serviceLevel AS serviceLevel,
         coalesce(s.languages, []) AS languages,
         coalesce(s.channels, []) AS channels,
         COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code } AS regionCodes,
         toString(s.awayUntil) AS awayUntil
  ORDER BY id`;

const REGION_TREE = /* cypher */ `
  MATCH (r:Region)
  RETURN r.code AS code, head([(r)-[:PART_OF]->(parent:Region) | parent.code]) AS partOf`;

export class RoutingRepository {
  constructor(private readonly database: Database) {}

  /** The candidates of the lines and the region tree, in one transaction. */
  async load(lineCodes: readonly string[]): Promise<{
    candidates: StationCandidate[];
    regions: Array<{ code: string; partOf: string | null }>;
  }> {
    return readTransaction(this.database, async (tx) => ({
      candidates: recordsOf<StationCandidate>(await tx.run(CANDIDATES, { lineCodes })),
      regions: recordsOf<{ code: string; partOf: string | null }>(await tx.run(REGION_TREE)),
    }));
  }
}
