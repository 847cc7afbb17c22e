/** Cypher for lines. Knows nothing of GraphQL. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { LineNode } from './line.types.ts';

/** The projection every line query returns. */
export const LINE_FIELDS = /* cypher */ `l {
  .id, .code, .number, .color, .nameFi, .nameSv, .nameEn,
  .descriptionFi, .descriptionSv, .descriptionEn,
  .instructionsFi, .instructionsSv, .instructionsEn,
  .keywordsFi, .keywordsSv, .keywordsEn,
  keywords: coalesce(l.keywords, []),
  active: coalesce(l.active, true),
  version: coalesce(l.version, 0)
}`;

export const ACTIVE_LINES = /* cypher */ `
  MATCH (l:Line) WHERE coalesce(l.active, true)
  RETURN ${LINE_FIELDS} AS line
  ORDER BY l.number, l.code`;

const LINE_BY_CODE = /* cypher */ `
  MATCH (l:Line {code: $code})
  RETURN ${LINE_FIELDS} AS line`;

const LINES_OF_STATIONS = /* cypher */ `
  UNWIND $stationIds AS stationId
  MATCH (:Station {id: stationId})-[:ON_LINE]->(l:Line)
  WITH stationId, l ORDER BY l.number, l.code
  RETURN stationId, collect(${LINE_FIELDS}) AS lines`;

const LINES_BY_CODES = /* cypher */ `
  UNWIND $codes AS code
  MATCH (l:Line {code: code})
  RETURN ${LINE_FIELDS} AS line`;

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

  /** Lines by code: `code -> line`, for the codes that exist. */
  async findByCodes(codes: readonly string[]): Promise<Map<string, LineNode>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ line: LineNode }>(await tx.run(LINES_BY_CODES, { codes }));
      return new Map(rows.map(({ line }) => [line.code, line]));
    });
  }

  /** The lines each station is on, in code order: `stationId -> lines`. */
  async linesOfStations(stationIds: readonly string[]): Promise<Map<string, LineNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ stationId: string; lines: LineNode[] }>(
        await tx.run(LINES_OF_STATIONS, { stationIds }),
      );
      return new Map(rows.map((row) => [row.stationId, row.lines]));
    });
  }
}
