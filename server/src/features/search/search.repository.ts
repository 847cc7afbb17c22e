/** Full-text search over the graph: lines, stations, organisations, methods, projects. */
import { type Database, int, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { SearchHitRow } from './search.types.ts';
import type { SearchQueries } from './search-query.ts';

/**
 * One round trip over the four indexes; a node found by several of them sums its scores, so a
 * hit that matches both stemmed and folded forms ranks first. Ties fall back to kind, label, id
 * so that the order is stable.
 */
const SEARCH = /* cypher */ `
  CALL () {
    CALL db.index.fulltext.queryNodes('search_fi', $analyzed) YIELD node, score RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('search_sv', $analyzed) YIELD node, score RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('search_en', $analyzed) YIELD node, score RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('search_folded', $folded) YIELD node, score RETURN node, score
  }
  WITH node, sum(score) AS score
  WHERE coalesce(node.active, true)
  WITH node, score,
       CASE
         WHEN node:Line THEN 'LINE'
         WHEN node:Expert THEN 'EXPERT'
         WHEN node:Unit THEN 'UNIT'
         WHEN node:Organisation THEN 'ORGANISATION'
         WHEN node:Method THEN 'METHOD'
         WHEN node:ResearchProject THEN 'RESEARCH_PROJECT'
         ELSE 'VIP_NETWORK'
       END AS kind
  WITH score, kind, node.id AS id,
       CASE
         WHEN kind = 'LINE' THEN node.code + ' ' + coalesce(
           CASE $lang WHEN 'SV' THEN node.nameSv WHEN 'EN' THEN node.nameEn ELSE null END,
           node.nameFi)
         WHEN kind = 'RESEARCH_PROJECT' THEN node.title
         ELSE node.name
       END AS label
  RETURN score, kind, id, label
  ORDER BY score DESC, kind, label, id
  LIMIT $first`;

export class SearchRepository {
  constructor(private readonly database: Database) {}

  async search(queries: SearchQueries, lang: string, first: number): Promise<SearchHitRow[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<SearchHitRow>(await tx.run(SEARCH, { ...queries, lang, first: int(first) })),
    );
  }
}
