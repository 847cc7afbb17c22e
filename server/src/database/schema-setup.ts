/**
 * Idempotent schema setup, run at every start: uniqueness constraints and the full-text indexes.
 *
 * Finnish is the default analyzer: Lucene's Finnish analyzer stems inflected forms
 * ("kunniaväkivallasta" -> "kunniaväkival"). Swedish and English names get their own indexes with
 * their own analyzers, since one Lucene index has one analyzer; a fourth, ASCII-folding index
 * serves text typed without diacritics and prefix matching (see search-query.ts).
 */
import { type Database, readTransaction } from './neo4j-driver.ts';

/** Every statement is `IF NOT EXISTS`, so running them again changes nothing. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  /* cypher */ 'CREATE CONSTRAINT line_id IF NOT EXISTS FOR (l:Line) REQUIRE l.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT line_code IF NOT EXISTS FOR (l:Line) REQUIRE l.code IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT station_id IF NOT EXISTS FOR (s:Station) REQUIRE s.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (o:Organisation) REQUIRE o.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT method_id IF NOT EXISTS FOR (m:Method) REQUIRE m.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT researcher_id IF NOT EXISTS FOR (r:Researcher) REQUIRE r.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT project_id IF NOT EXISTS FOR (p:ResearchProject) REQUIRE p.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT vip_network_id IF NOT EXISTS FOR (v:VipNetwork) REQUIRE v.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT account_email IF NOT EXISTS FOR (a:Account) REQUIRE a.email IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.idHash IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT audit_record_id IF NOT EXISTS FOR (a:AuditRecord) REQUIRE a.id IS UNIQUE',
  // The audit view reads the newest changes first.
  /* cypher */ 'CREATE INDEX audit_record_revision IF NOT EXISTS FOR (a:AuditRecord) ON (a.revision)',
  /* cypher */ 'CREATE CONSTRAINT network_revision_key IF NOT EXISTS FOR (r:NetworkRevision) REQUIRE r.key IS UNIQUE',
  /* cypher */ 'CREATE CONSTRAINT consultation_count_key IF NOT EXISTS FOR (c:ConsultationCount) REQUIRE c.key IS UNIQUE',
  // Expired sessions are found and deleted by their expiry.
  /* cypher */ 'CREATE INDEX session_expires_at IF NOT EXISTS FOR (s:Session) ON (s.expiresAt)',
  /* cypher */ `CREATE FULLTEXT INDEX search_fi IF NOT EXISTS
    FOR (n:Line|Station|Organisation|Method|ResearchProject|VipNetwork)
    ON EACH [n.name, n.nameFi, n.title, n.descriptionFi, n.description, n.keywordText]
    OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'finnish' } }`,
  /* cypher */ `CREATE FULLTEXT INDEX search_sv IF NOT EXISTS
    FOR (n:Line) ON EACH [n.nameSv, n.descriptionSv, n.keywordText]
    OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'swedish' } }`,
  /* cypher */ `CREATE FULLTEXT INDEX search_en IF NOT EXISTS
    FOR (n:Line) ON EACH [n.nameEn, n.descriptionEn, n.keywordText]
    OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'english' } }`,
  // Folding, not stemming: finds what was typed without ä/ö/å, and takes prefix queries.
  /* cypher */ `CREATE FULLTEXT INDEX search_folded IF NOT EXISTS
    FOR (n:Line|Station|Organisation|Method|ResearchProject|VipNetwork)
    ON EACH [n.name, n.nameFi, n.nameSv, n.nameEn, n.title, n.keywordText]
    OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
];

/**
 * The one network revision node: every audited change increments `value` (see
 * features/audit/audit.repository.ts), and caches compare it to know that the graph changed.
 */
const ENSURE_NETWORK_REVISION = /* cypher */ `
  MERGE (r:NetworkRevision {key: 'network'})
  ON CREATE SET r.value = 0`;

export const FULLTEXT_INDEXES = ['search_fi', 'search_sv', 'search_en', 'search_folded'] as const;

/**
 * Creates the constraints and indexes that are missing, waits until the indexes are online, and
 * creates the network revision node when there is none.
 */
export async function setUpSchema(database: Database): Promise<void> {
  const session = database.driver.session({ database: database.name });
  try {
    // Schema commands cannot share a transaction with each other, so each runs on its own.
    for (const statement of SCHEMA_STATEMENTS) {
      await session.run(statement);
    }
    await session.run(/* cypher */ 'CALL db.awaitIndexes(120)');
    await session.run(ENSURE_NETWORK_REVISION);
  } finally {
    await session.close();
  }
}

/** True when the graph holds no line yet: the signal to load the demo graph. */
export async function graphIsEmpty(database: Database): Promise<boolean> {
  return readTransaction(database, async (tx) => {
    const result = await tx.run(/* cypher */ 'MATCH (l:Line) RETURN count(l) AS lines');
    return result.records[0]?.get('lines') === 0;
  });
}
