/**
 * Writes a seed graph into Neo4j: validated first, then written in one transaction with batched
 * UNWIND + MERGE statements, so that loading twice changes nothing and a failure writes nothing.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { type Database, writeTransaction } from '../server/src/database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../server/src/features/audit/audit.repository.ts';
import { validateSeedGraph } from './seed-schema.ts';
import type { ExpertRecord, SeedGraph, UnitRecord } from './seed-types.ts';

const BATCH_SIZE = 500;
const LOAD_TIMEOUT_MS = 10 * 60_000;

/** Every node label the seed writes: `reset` removes exactly these. */
export const SEED_LABELS = [
  'Line',
  'Station',
  'Region',
  'Organisation',
  'Method',
  'Researcher',
  'ResearchProject',
  'VipNetwork',
] as const;

const RESET = /* cypher */ `
  MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels)
  CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`;

const MERGE_REGIONS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (r:Region {code: row.code})
  SET r.name = row.name, r.nameSv = row.nameSv, r.kind = row.kind`;

const LINK_REGIONS = /* cypher */ `
  UNWIND $rows AS row
  MATCH (r:Region {code: row.code}), (parent:Region {code: row.partOf})
  MERGE (r)-[:PART_OF]->(parent)`;

const MERGE_LINES = /* cypher */ `
  UNWIND $rows AS row
  MERGE (l:Line {id: row.id})
  SET l.code = row.code, l.number = row.number, l.color = row.color, l.active = true,
      l.nameFi = row.name.fi, l.nameSv = row.name.sv, l.nameEn = row.name.en,
      l.descriptionFi = row.description.fi, l.descriptionSv = row.description.sv,
      l.descriptionEn = row.description.en,
      l.instructionsFi = row.instructions.fi, l.instructionsSv = row.instructions.sv,
      l.instructionsEn = row.instructions.en,
      l.keywords = row.keywords, l.keywordText = row.keywordText`;

const MERGE_ORGANISATIONS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (o:Organisation {id: row.id})
  SET o.name = row.name, o.sector = row.sector, o.researchCategory = row.researchCategory
  FOREACH (_ IN CASE WHEN row.researchCategory IS NULL THEN [] ELSE [1] END | SET o:ResearchPartner)
  WITH o, row
  MATCH (r:Region {code: row.regionCode})
  MERGE (o)-[:LOCATED_IN]->(r)`;

const MERGE_METHODS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (m:Method {id: row.id})
  SET m.name = row.name, m.description = row.description`;

const MERGE_UNITS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (s:Station {id: row.id})
  SET s:Unit, s.kind = 'UNIT', s.name = row.name, s.description = row.description,
      s.channels = row.channels, s.email = row.email, s.phone = row.phone`;

const MERGE_EXPERTS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (s:Station {id: row.id})
  SET s:Expert, s.kind = 'EXPERT', s.name = row.name, s.title = row.title,
      s.serviceLevel = row.serviceLevel, s.languages = row.languages, s.channels = row.channels,
      s.otShare = row.otShare, s.awayUntil = CASE WHEN row.awayUntil IS NULL THEN null ELSE date(row.awayUntil) END,
      s.email = row.email, s.phone = row.phone, s.publicCard = row.publicCard,
      s.verifiedOn = date(row.verifiedOn)
  WITH s, row
  UNWIND row.methodIds AS methodId
  MATCH (m:Method {id: methodId})
  MERGE (s)-[:PRACTISES]->(m)`;

const LINK_STATIONS = /* cypher */ `
  UNWIND $rows AS row
  MATCH (s:Station {id: row.id}), (o:Organisation {id: row.organisationId})
  MERGE (s)-[:MEMBER_OF]->(o)
  WITH s, row
  CALL (s, row) {
    UNWIND row.lines AS membership
    MATCH (l:Line {code: membership.lineCode})
    MERGE (s)-[onLine:ON_LINE]->(l)
    SET onLine.position = membership.position, onLine.coordinator = membership.coordinator
  }
  CALL (s, row) {
    UNWIND row.regionCodes AS regionCode
    MATCH (r:Region {code: regionCode})
    MERGE (s)-[:SERVES]->(r)
  }`;

const MERGE_RESEARCHERS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (r:Researcher {id: row.id})
  SET r.name = row.name, r.title = row.title, r.doublePost = row.doublePost
  WITH r, row
  MATCH (o:Organisation {id: row.organisationId})
  MERGE (r)-[:AFFILIATED_WITH]->(o)`;

const MERGE_PROJECTS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (p:ResearchProject {id: row.id})
  SET p.title = row.title, p.startYear = row.startYear, p.endYear = row.endYear
  WITH p, row
  MATCH (o:Organisation {id: row.organisationId})
  MERGE (p)-[:CONDUCTED_BY]->(o)
  WITH p, row
  CALL (p, row) {
    UNWIND row.researcherIds AS researcherId
    MATCH (r:Researcher {id: researcherId})
    MERGE (r)-[:WORKS_ON]->(p)
  }
  CALL (p, row) {
    UNWIND row.lineCodes AS lineCode
    MATCH (l:Line {code: lineCode})
    MERGE (p)-[:INFORMS]->(l)
  }`;

const MERGE_VIP_NETWORKS = /* cypher */ `
  UNWIND $rows AS row
  MERGE (v:VipNetwork {id: row.id})
  SET v.name = row.name, v.description = row.description
  WITH v, row
  CALL (v, row) {
    UNWIND row.regionCodes AS regionCode
    MATCH (r:Region {code: regionCode})
    MERGE (v)-[:COVERS]->(r)
  }
  CALL (v, row) {
    UNWIND row.lineCodes AS lineCode
    MATCH (l:Line {code: lineCode})
    MERGE (v)-[:LINKS_TO]->(l)
  }`;

export interface SeedLoadResult {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  millis: number;
}

async function runBatched(
  tx: ManagedTransaction,
  cypher: string,
  rows: readonly object[],
  totals: SeedLoadResult,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const result = await tx.run(cypher, { rows: rows.slice(start, start + BATCH_SIZE) });
    const counters = result.summary.counters.updates();
    totals.nodesCreated += counters.nodesCreated;
    totals.relationshipsCreated += counters.relationshipsCreated;
    totals.propertiesSet += counters.propertiesSet;
  }
}

/** Neo4j stores no `undefined`: optional fields become null so that SET clears them. */
function withNulls<T extends object>(record: T, keys: string[]): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const key of keys) {
    copy[key] ??= null;
  }
  return copy as T;
}

export interface LoadOptions {
  /** Remove every seed-labelled node first (same transaction), e.g. to switch demo <-> national. */
  reset?: boolean;
}

/**
 * Validates `graph` and writes it. Throws SeedValidationError, naming the record and field,
 * before anything is written when the graph is invalid.
 */
export async function loadSeedGraph(
  database: Database,
  graph: unknown,
  options: LoadOptions = {},
): Promise<SeedLoadResult> {
  const valid = validateSeedGraph(graph);
  const started = Date.now();
  const totals: SeedLoadResult = {
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    millis: 0,
  };
  if (options.reset) {
    // CALL ... IN TRANSACTIONS cannot run inside a managed transaction: this is an implicit one.
    const session = database.driver.session({ database: database.name });
    try {
      await session.run(RESET, { labels: [...SEED_LABELS] });
    } finally {
      await session.close();
    }
    // The reset is committed on its own: caches must not keep the old graph if the load fails.
    await writeTransaction(database, (tx) => bumpNetworkRevision(tx));
  }
  await writeTransaction(
    database,
    async (tx) => {
      await runBatched(
        tx,
        MERGE_REGIONS,
        valid.regions.map((r) => withNulls(r, ['nameSv'])),
        totals,
      );
      await runBatched(
        tx,
        LINK_REGIONS,
        valid.regions.filter((r) => r.partOf),
        totals,
      );
      await runBatched(tx, MERGE_LINES, lineRows(valid), totals);
      await runBatched(
        tx,
        MERGE_ORGANISATIONS,
        valid.organisations.map((o) => withNulls(o, ['researchCategory'])),
        totals,
      );
      await runBatched(tx, MERGE_METHODS, valid.methods, totals);
      await runBatched(
        tx,
        MERGE_UNITS,
        valid.stations.filter((s): s is UnitRecord => s.kind === 'UNIT'),
        totals,
      );
      await runBatched(
        tx,
        MERGE_EXPERTS,
        valid.stations
          .filter((s): s is ExpertRecord => s.kind === 'EXPERT')
          .map((s) => withNulls(s, ['awayUntil'])),
        totals,
      );
      await runBatched(tx, LINK_STATIONS, valid.stations, totals);
      await runBatched(tx, MERGE_RESEARCHERS, valid.researchers, totals);
      await runBatched(
        tx,
        MERGE_PROJECTS,
        valid.projects.map((p) => withNulls(p, ['endYear'])),
        totals,
      );
      await runBatched(tx, MERGE_VIP_NETWORKS, valid.vipNetworks, totals);
      // Caches of anything derived from the graph compare the revision: the graph changed.
      await bumpNetworkRevision(tx);
    },
    LOAD_TIMEOUT_MS,
  );
  totals.millis = Date.now() - started;
  return totals;
}

function lineRows(graph: SeedGraph) {
  return graph.lines.map((line) => ({
    ...line,
    number: Number(line.code.slice(1)),
    keywordText: line.keywords.join(' | '),
  }));
}
