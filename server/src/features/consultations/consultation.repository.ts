/**
 * Cypher for consultation statistics. A recorded consultation only increments one counter
 * `(:ConsultationCount {key})` for its month, lines, municipality and channel: there is no node per
 * consultation, no time finer than the month, and nothing about the worker, the client or the case.
 */
import {
  type Database,
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../database/neo4j-driver.ts';
import type { ConsultationCountRow, ConsultationRecord } from './consultation.types.ts';

const RESOLVE = /* cypher */ `
  OPTIONAL MATCH (m:Region {kind: 'MUNICIPALITY'})
  WHERE m.code = $municipality OR toLower(m.name) = toLower($municipality)
  WITH m ORDER BY m.code LIMIT 1
  RETURN m.code AS municipalityCode,
         [code IN $lineCodes WHERE NOT EXISTS {
           MATCH (l:Line {code: code}) WHERE coalesce(l.active, true)
         }] AS unknownLines`;

const INCREMENT = /* cypher */ `
  MERGE (c:ConsultationCount {key: $key})
  ON CREATE SET c.month = $month, c.lineCodes = $lineCodes, c.municipalityCode = $municipalityCode,
                c.channel = $channel, c.count = 0
  SET c.count = c.count + 1
  RETURN c.count AS count`;

const COUNTS = /* cypher */ `
  MATCH (c:ConsultationCount)
  OPTIONAL MATCH (m:Region {code: c.municipalityCode})
  OPTIONAL MATCH (m)-[:PART_OF]->(county:Region {kind: 'COUNTY'})
  RETURN c.lineCodes AS lineCodes, c.municipalityCode AS municipalityCode,
         coalesce(m.name, c.municipalityCode) AS municipalityName,
         county.code AS countyCode, county.name AS countyName,
         c.channel AS channel, c.month AS month, c.count AS count`;

export type RecordOutcome =
  | { recorded: true }
  | { recorded: false; field: 'municipality' | 'lines'; unknown: string[] };

export class ConsultationRepository {
  constructor(private readonly database: Database) {}

  /**
   * Adds one consultation to its counter, in one transaction with the check that the lines and
   * the municipality exist. `municipality` is a code or a Finnish name.
   */
  async record(
    consultation: Omit<ConsultationRecord, 'municipalityCode'> & { municipality: string },
  ): Promise<RecordOutcome> {
    return writeTransaction(this.database, async (tx) => {
      const [resolved] = recordsOf<{ municipalityCode: string | null; unknownLines: string[] }>(
        await tx.run(RESOLVE, {
          municipality: consultation.municipality,
          lineCodes: consultation.lineCodes,
        }),
      );
      if (!resolved?.municipalityCode) {
        return { recorded: false, field: 'municipality', unknown: [consultation.municipality] };
      }
      if (resolved.unknownLines.length > 0) {
        return { recorded: false, field: 'lines', unknown: resolved.unknownLines };
      }
      const key = [
        consultation.month,
        consultation.lineCodes.join('+'),
        resolved.municipalityCode,
        consultation.channel,
      ].join('|');
      await tx.run(INCREMENT, {
        key,
        month: consultation.month,
        lineCodes: consultation.lineCodes,
        municipalityCode: resolved.municipalityCode,
        channel: consultation.channel,
      });
      return { recorded: true };
    });
  }

  /** Every counter, with the municipality's name and wellbeing county. */
  async counts(): Promise<ConsultationCountRow[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<ConsultationCountRow>(await tx.run(COUNTS)),
    );
  }
}
