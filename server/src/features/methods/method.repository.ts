/** Cypher for methods. */
import { type Database, int, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { MethodNode } from './method.types.ts';

const METHOD_FIELDS = /* cypher */ 'm { .id, .name, .description }';

const METHODS = /* cypher */ `
  MATCH (m:Method)
  WITH m ORDER BY m.name, m.id
  WITH collect(m) AS matches
  RETURN size(matches) AS totalCount,
         [m IN matches[$offset..($offset + $limit)] | ${METHOD_FIELDS}] AS nodes`;

const METHODS_OF_EXPERTS = /* cypher */ `
  UNWIND $ids AS expertId
  MATCH (:Expert {id: expertId})-[:PRACTISES]->(m:Method)
  WITH expertId, m ORDER BY m.name
  RETURN expertId, collect(${METHOD_FIELDS}) AS methods`;

/** Methods practised by the experts of each line: the line's toolbox. */
const METHODS_OF_LINES = /* cypher */ `
  UNWIND $ids AS lineId
  MATCH (:Line {id: lineId})<-[:ON_LINE]-(:Expert)-[:PRACTISES]->(m:Method)
  WITH DISTINCT lineId, m ORDER BY m.name
  RETURN lineId, collect(${METHOD_FIELDS}) AS methods`;

export class MethodRepository {
  constructor(private readonly database: Database) {}

  /** Methods by name, a page at a time. */
  async list(page: {
    offset: number;
    limit: number;
  }): Promise<{ nodes: MethodNode[]; totalCount: number }> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ nodes: MethodNode[]; totalCount: number }>(
        await tx.run(METHODS, { offset: int(page.offset), limit: int(page.limit) }),
      );
      return row ?? { nodes: [], totalCount: 0 };
    });
  }

  async methodsOfExperts(ids: readonly string[]): Promise<Map<string, MethodNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ expertId: string; methods: MethodNode[] }>(
        await tx.run(METHODS_OF_EXPERTS, { ids }),
      );
      return new Map(rows.map((row) => [row.expertId, row.methods]));
    });
  }

  async methodsOfLines(ids: readonly string[]): Promise<Map<string, MethodNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ lineId: string; methods: MethodNode[] }>(
        await tx.run(METHODS_OF_LINES, { ids }),
      );
      return new Map(rows.map((row) => [row.lineId, row.methods]));
    });
  }
}
