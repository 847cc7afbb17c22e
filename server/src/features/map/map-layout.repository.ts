/** Cypher for the stored metro layout: what it is computed from, and where it is kept. */
import {
  type Database,
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../audit/audit.repository.ts';
import type { LayoutLine, Point } from './metro-layout.ts';

const LAYOUT_INPUT = /* cypher */ `
  MATCH (l:Line) WHERE coalesce(l.active, true)
  CALL (l) {
    MATCH (s:Station)-[on:ON_LINE]->(l)
    WITH s, on ORDER BY on.position, s.id
    RETURN collect(s.id) AS stationIds
  }
  RETURN l.code AS code, stationIds ORDER BY l.number, l.code`;

const PINNED = /* cypher */ `
  MATCH (s:Station) WHERE s.pinnedX IS NOT NULL AND s.pinnedY IS NOT NULL
  RETURN s.id AS id, s.pinnedX AS x, s.pinnedY AS y ORDER BY s.id`;

const STORED_FINGERPRINT = /* cypher */ `
  OPTIONAL MATCH (m:MapLayout {id: 'current'}) RETURN m.fingerprint AS fingerprint`;

const STORE_POSITIONS = /* cypher */ `
  UNWIND $positions AS p
  MATCH (s:Station {id: p.id})
  SET s.x = p.x, s.y = p.y`;

const STORE_LAYOUT = /* cypher */ `
  MERGE (m:MapLayout {id: 'current'})
  SET m.fingerprint = $fingerprint, m.computedAt = datetime(), m.segmentOrder = $segmentOrder`;

export interface LayoutSource {
  lines: LayoutLine[];
  pinned: Array<{ id: string } & Point>;
  storedFingerprint: string | null;
}

export class MapLayoutRepository {
  constructor(private readonly database: Database) {}

  async readSource(): Promise<LayoutSource> {
    return readTransaction(this.database, async (tx) => ({
      lines: recordsOf<LayoutLine>(await tx.run(LAYOUT_INPUT)),
      pinned: recordsOf<{ id: string } & Point>(await tx.run(PINNED)),
      storedFingerprint:
        recordsOf<{ fingerprint: string | null }>(await tx.run(STORED_FINGERPRINT))[0]
          ?.fingerprint ?? null,
    }));
  }

  /**
   * Stores positions and the line order on shared segments, with the fingerprint they match, and
   * increments the network revision with them: the cached map shows the new layout.
   */
  async store(
    positions: Array<{ id: string } & Point>,
    segmentOrder: Record<string, string[]>,
    fingerprint: string,
  ): Promise<void> {
    await writeTransaction(
      this.database,
      async (tx) => {
        for (let start = 0; start < positions.length; start += 1000) {
          await tx.run(STORE_POSITIONS, { positions: positions.slice(start, start + 1000) });
        }
        await tx.run(STORE_LAYOUT, { fingerprint, segmentOrder: JSON.stringify(segmentOrder) });
        await bumpNetworkRevision(tx);
      },
      120_000,
    );
  }
}
