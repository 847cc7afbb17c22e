/**
 * Cypher of the edit engine: reads an entity's full snapshot under its write lock, and writes a
 * snapshot back. Every read takes the entity's write lock first (`SET x.version = ...` on the
 * node), so that two edits of one entity are serialised: the second reads what the first
 * committed, sees a newer version and gets a conflict instead of overwriting it. Knows nothing
 * of GraphQL.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { recordsOf } from '../../database/neo4j-driver.ts';
import { findAuditEntry } from '../audit/audit.repository.ts';
import type { EditReader, LineSnapshot, StationSnapshot } from './editing.types.ts';

const LOCK_AND_READ_LINE = /* cypher */ `
  MATCH (l:Line {id: $id})
  SET l.version = coalesce(l.version, 0)
  WITH l
  RETURN l {
    .id, .code, .number, .color, .nameFi, .nameSv, .nameEn,
    .descriptionFi, .descriptionSv, .descriptionEn,
    .instructionsFi, .instructionsSv, .instructionsEn,
    .keywordsFi, .keywordsSv, .keywordsEn, .version,
    keywords: coalesce(l.keywords, []),
    active: coalesce(l.active, true),
    stations: COLLECT {
      MATCH (s:Station)-[on:ON_LINE]->(l)
      WITH s, on ORDER BY on.position, s.id
      RETURN {id: s.id, coordinator: coalesce(on.coordinator, false)}
    }
  } AS line`;

const LOCK_AND_READ_STATION = /* cypher */ `
  MATCH (s:Station {id: $id})
  SET s.version = coalesce(s.version, 0)
  WITH s
  RETURN s {
    .id, .name, .title, .serviceLevel, .otShare, .email, .phone, .description,
    .pinnedX, .pinnedY, .version,
    kind: CASE WHEN s:Unit THEN 'UNIT' ELSE 'EXPERT' END,
    languages: coalesce(s.languages, []),
    channels: coalesce(s.channels, []),
    publicCard: coalesce(s.publicCard, false),
    awayUntil: toString(s.awayUntil),
    verifiedOn: toString(s.verifiedOn),
    organisationId: head(COLLECT { MATCH (s)-[:MEMBER_OF]->(o:Organisation) RETURN o.id ORDER BY o.id }),
    regionCodes: COLLECT { MATCH (s)-[:SERVES]->(r:Region) RETURN r.code ORDER BY r.code },
    methodIds: COLLECT { MATCH (s)-[:PRACTISES]->(m:Method) RETURN m.id ORDER BY m.id },
    lineCodes: COLLECT { MATCH (s)-[:ON_LINE]->(x:Line) RETURN x.code ORDER BY x.number, x.code }
  } AS station`;

const WRITE_LINE = /* cypher */ `
  MERGE (l:Line {id: $line.id})
  SET l.code = $line.code, l.number = toInteger($line.number), l.color = $line.color,
      l.nameFi = $line.nameFi, l.nameSv = $line.nameSv, l.nameEn = $line.nameEn,
      l.descriptionFi = $line.descriptionFi, l.descriptionSv = $line.descriptionSv,
      l.descriptionEn = $line.descriptionEn,
      l.instructionsFi = $line.instructionsFi, l.instructionsSv = $line.instructionsSv,
      l.instructionsEn = $line.instructionsEn,
      l.keywords = $line.keywords, l.keywordText = $keywordText,
      l.keywordsFi = $line.keywordsFi, l.keywordsSv = $line.keywordsSv,
      l.keywordsEn = $line.keywordsEn,
      l.active = $line.active, l.version = toInteger($version)
  WITH l
  CALL (l) {
    MATCH (:Station)-[on:ON_LINE]->(l)
    DELETE on
  }
  WITH l
  UNWIND range(0, size($line.stations) - 1) AS i
  WITH l, i, $line.stations[i] AS stop
  MATCH (s:Station {id: stop.id})
  CREATE (s)-[:ON_LINE {position: i + 1, coordinator: stop.coordinator}]->(l)`;

const WRITE_STATION = /* cypher */ `
  MERGE (s:Station {id: $station.id})
  SET s.kind = $station.kind, s.name = $station.name, s.title = $station.title,
      s.serviceLevel = $station.serviceLevel,
      s.languages = CASE WHEN $station.kind = 'UNIT' AND size($station.languages) = 0
                         THEN null ELSE $station.languages END,
      s.channels = $station.channels, s.otShare = $station.otShare,
      s.awayUntil = CASE WHEN $station.awayUntil IS NULL THEN null ELSE date($station.awayUntil) END,
      s.verifiedOn = CASE WHEN $station.verifiedOn IS NULL THEN null ELSE date($station.verifiedOn) END,
      s.email = $station.email, s.phone = $station.phone,
      s.publicCard = CASE WHEN $station.kind = 'UNIT' THEN null ELSE $station.publicCard END,
      s.description = $station.description,
      s.pinnedX = $station.pinnedX, s.pinnedY = $station.pinnedY,
      s.version = toInteger($version)
  FOREACH (_ IN CASE WHEN $station.kind = 'UNIT' THEN [1] ELSE [] END | SET s:Unit)
  FOREACH (_ IN CASE WHEN $station.kind = 'EXPERT' THEN [1] ELSE [] END | SET s:Expert)
  WITH s
  CALL (s) {
    MATCH (s)-[r:MEMBER_OF|SERVES|PRACTISES]->()
    DELETE r
  }
  CALL (s) {
    MATCH (o:Organisation {id: $station.organisationId})
    CREATE (s)-[:MEMBER_OF]->(o)
  }
  CALL (s) {
    UNWIND $station.regionCodes AS code
    MATCH (r:Region {code: code})
    CREATE (s)-[:SERVES]->(r)
  }
  CALL (s) {
    UNWIND $station.methodIds AS methodId
    MATCH (m:Method {id: methodId})
    CREATE (s)-[:PRACTISES]->(m)
  }`;

const DELETE_LINE = /* cypher */ `MATCH (l:Line {id: $id}) DETACH DELETE l`;

const DELETE_STATION = /* cypher */ `MATCH (s:Station {id: $id}) DETACH DELETE s`;

const LINE_ID_BY_CODE = /* cypher */ `MATCH (l:Line {code: $code}) RETURN l.id AS id`;

const UNKNOWN_REGIONS = /* cypher */ `
  UNWIND $codes AS code
  WITH code WHERE NOT EXISTS { MATCH (:Region {code: code}) }
  RETURN collect(code) AS unknown`;

const UNKNOWN_METHODS = /* cypher */ `
  UNWIND $ids AS id
  WITH id WHERE NOT EXISTS { MATCH (:Method {id: id}) }
  RETURN collect(id) AS unknown`;

const EXPERTS_BY_EMAIL = /* cypher */ `
  MATCH (s:Expert) WHERE toLower(s.email) IN $emails
  RETURN toLower(s.email) AS email, min(s.id) AS id`;

const ORGANISATION_EXISTS = /* cypher */ `
  RETURN EXISTS { MATCH (:Organisation {id: $id}) } AS exists`;

const ACTIVE_LINE_WITH_COLOUR = /* cypher */ `
  MATCH (l:Line {color: $color})
  WHERE coalesce(l.active, true) AND l.id <> $exceptId
  RETURN l.code AS code LIMIT 1`;

/** Accounts that named the removed station as their own card now name the kept one. */
const MOVE_ACCOUNTS = /* cypher */ `
  MATCH (a:Account {expertId: $removedId})
  SET a.expertId = $keptId`;

/** The removed station's audit history shows in the kept station's trail too. */
const MOVE_AUDIT_HISTORY = /* cypher */ `
  MATCH (a:AuditRecord)
  WHERE $removedKey IN a.subjects AND NOT $keptKey IN a.subjects
  SET a.subjects = a.subjects + $keptKey`;

/** Reads for one edit, in its transaction; each snapshot is read under the entity's lock. */
export function editReader(tx: ManagedTransaction): EditReader {
  return {
    async line(id) {
      const [row] = recordsOf<{ line: LineSnapshot }>(await tx.run(LOCK_AND_READ_LINE, { id }));
      return row ? normaliseLine(row.line) : null;
    },
    async station(id) {
      const [row] = recordsOf<{ station: StationSnapshot }>(
        await tx.run(LOCK_AND_READ_STATION, { id }),
      );
      return row?.station ?? null;
    },
    async lineIdByCode(code) {
      const [row] = recordsOf<{ id: string }>(await tx.run(LINE_ID_BY_CODE, { code }));
      return row?.id ?? null;
    },
    async unknownRegions(codes) {
      const [row] = recordsOf<{ unknown: string[] }>(await tx.run(UNKNOWN_REGIONS, { codes }));
      return row?.unknown ?? [];
    },
    async unknownMethods(ids) {
      const [row] = recordsOf<{ unknown: string[] }>(await tx.run(UNKNOWN_METHODS, { ids }));
      return row?.unknown ?? [];
    },
    async organisationExists(id) {
      const [row] = recordsOf<{ exists: boolean }>(await tx.run(ORGANISATION_EXISTS, { id }));
      return row?.exists ?? false;
    },
    async expertIdsByEmail(emails) {
      const rows = recordsOf<{ email: string; id: string }>(
        await tx.run(EXPERTS_BY_EMAIL, { emails }),
      );
      return new Map(rows.map((row) => [row.email, row.id]));
    },
    auditEntry(id) {
      return findAuditEntry(tx, id);
    },
    async activeLineWithColour(color, exceptId) {
      const [row] = recordsOf<{ code: string }>(
        await tx.run(ACTIVE_LINE_WITH_COLOUR, { color, exceptId }),
      );
      return row?.code ?? null;
    },
  };
}

function normaliseLine(line: LineSnapshot): LineSnapshot {
  return {
    ...line,
    nameSv: line.nameSv ?? null,
    nameEn: line.nameEn ?? null,
    descriptionFi: line.descriptionFi ?? null,
    descriptionSv: line.descriptionSv ?? null,
    descriptionEn: line.descriptionEn ?? null,
    instructionsFi: line.instructionsFi ?? null,
    instructionsSv: line.instructionsSv ?? null,
    instructionsEn: line.instructionsEn ?? null,
    keywordsFi: line.keywordsFi ?? null,
    keywordsSv: line.keywordsSv ?? null,
    keywordsEn: line.keywordsEn ?? null,
  };
}

/** Writes a line as `line` says, stations and their order included, with `version`. */
export async function writeLine(
  tx: ManagedTransaction,
  line: LineSnapshot,
  version: number,
): Promise<void> {
  await tx.run(WRITE_LINE, { line, version, keywordText: line.keywords.join(' | ') });
}

/** Writes a station as `station` says, with its organisation, regions and methods. */
export async function writeStation(
  tx: ManagedTransaction,
  station: StationSnapshot,
  version: number,
): Promise<void> {
  await tx.run(WRITE_STATION, { station, version });
}

export async function deleteLine(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(DELETE_LINE, { id });
}

export async function deleteStation(tx: ManagedTransaction, id: string): Promise<void> {
  await tx.run(DELETE_STATION, { id });
}

/** After a merge: accounts and audit history of the removed station move to the kept one. */
export async function moveStationReferences(
  tx: ManagedTransaction,
  removedId: string,
  keptId: string,
): Promise<void> {
  await tx.run(MOVE_ACCOUNTS, { removedId, keptId });
  await tx.run(MOVE_AUDIT_HISTORY, {
    removedKey: `STATION:${removedId}`,
    keptKey: `STATION:${keptId}`,
  });
}
