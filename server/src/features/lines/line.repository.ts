/** Cypher for lines. Knows nothing of GraphQL. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { LineNode } from './line.types.ts';

const LINE_FIELDS = /* cypher */ `l {
  .id, .code, .number, .color, .nameFi, .nameSv, .nameEn,
  .descriptionFi, .descriptionSv, .descriptionEn,
  .instructionsFi, .instructionsSv, .instructionsEn,
  keywords: coalesce(l.keywords, [])
} AS line`;

const ACTIVE_LINES = /* cypher */ `
  MATCH (l:Line) WHERE coalesce(l.active, true)
  RETURN ${LINE_FIELDS}
  ORDER BY l.number, l.code`;

const LINE_BY_CODE = /* cypher */ `
  MATCH (l:Line {code: $code})
  RETURN ${LINE_FIELDS}`;

export class LineRepository {
  constructor(private readonly database: Database) {}

  /** Active lines ordered by their number: L1, L2, ... L10. */
  async listActive(): Promise<LineNode[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<{ line: LineNode }>(await tx.run(ACTIVE_LINES)).map((row) => row.line),
    );
  }

  async findByCode(code: string): Promise<LineNode | null> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ line: LineNode }>(await tx.run(LINE_BY_CODE, { code }));
      return row?.line ?? null;
    });
  }
}
