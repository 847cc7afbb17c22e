/** Cypher for the exports: the whole network map in one read transaction. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type {
  ExportLine,
  ExportNetwork,
  ExportOrganisation,
  ExportRegion,
  ExportStation,
} from './export.types.ts';

const REVISION = /* cypher */ `
  OPTIONAL MATCH (r:NetworkRevision {key: 'network'})
  RETURN coalesce(r.value, 0) AS revision`;

const LINES = /* cypher */ `
  MATCH (l:Line) WHERE coalesce(l.active, true)
  CALL (l) {
    MATCH (s:Station)-[on:ON_LINE]->(l)
    WITH s, on ORDER BY on.position, s.id
    RETURN collect(s.id) AS stationIds,
           [x IN collect(CASE WHEN coalesce(on.coordinator, false) THEN s.id END)
            WHERE x IS NOT NULL] AS coordinatorIds
  }
  RETURN l.id AS id, l.code AS code, l.number AS number, l.color AS color,
         l.nameFi AS nameFi, l.nameSv AS nameSv, l.nameEn AS nameEn,
         l.descriptionFi AS descriptionFi, stationIds, coordinatorIds
  ORDER BY l.number, l.code`;

/** Every station on an active line, with its contact details (filtered later, per caller). */
const STATIONS = /* cypher */ `
  MATCH (s:Station) WHERE EXISTS { (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true) }
  OPTIONAL MATCH (s)-[:MEMBER_OF]->(o:Organisation)
  WITH s, head(collect(o)) AS o
  RETURN s.id AS id, CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END AS kind, s.name AS name,
         s.title AS title, s.description AS description, s.serviceLevel AS serviceLevel,
         coalesce(s.languages, []) AS languages, coalesce(s.channels, []) AS channels,
         toString(s.awayUntil) AS awayUntil, s.email AS email, s.phone AS phone,
         coalesce(s.publicCard, false) OR s:Unit AS publicCard,
         o.id AS organisationId, o.name AS organisationName,
         COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code ORDER BY r.code } AS regionCodes,
         COLLECT {
           MATCH (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true)
           RETURN l.code ORDER BY l.number
         } AS lineCodes,
         s.x AS x, s.y AS y
  ORDER BY s.id`;

const REGIONS = /* cypher */ `
  MATCH (r:Region)
  OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
  RETURN r.code AS code, r.name AS name, r.kind AS kind, parent.code AS parentCode
  ORDER BY r.code`;

const ORGANISATIONS = /* cypher */ `
  MATCH (o:Organisation)<-[:MEMBER_OF]-(:Station)
  RETURN DISTINCT o.id AS id, o.name AS name, o.sector AS sector
  ORDER BY o.id`;

export class ExportRepository {
  constructor(private readonly database: Database) {}

  async load(now: Date = new Date()): Promise<ExportNetwork> {
    return readTransaction(this.database, async (tx) => {
      const [revision] = recordsOf<{ revision: number }>(await tx.run(REVISION));
      return {
        revision: revision?.revision ?? 0,
        exportedAt: now.toISOString(),
        lines: recordsOf<ExportLine>(await tx.run(LINES)),
        stations: recordsOf<ExportStation>(await tx.run(STATIONS)),
        regions: recordsOf<ExportRegion>(await tx.run(REGIONS)),
        organisations: recordsOf<ExportOrganisation>(await tx.run(ORGANISATIONS)),
      };
    });
  }
}
