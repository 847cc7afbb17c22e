/** Cypher for regions: municipality -> wellbeing services county -> cooperation area -> FI. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { RegionKind, RegionNode } from './region.types.ts';

const REGION_FIELDS = /* cypher */ `r {
  .code, .name, .nameSv, .kind,
  parentCode: head([(r)-[:PART_OF]->(parent:Region) | parent.code])
}`;

const REGIONS = /* cypher */ `
  MATCH (r:Region) WHERE $kind IS NULL OR r.kind = $kind
  RETURN ${REGION_FIELDS} AS region
  ORDER BY CASE r.kind WHEN 'COUNTRY' THEN 0 WHEN 'AREA' THEN 1 WHEN 'COUNTY' THEN 2 ELSE 3 END,
           r.name, r.code`;

const REGIONS_BY_CODE = /* cypher */ `
  UNWIND $codes AS code
  MATCH (r:Region {code: code})
  RETURN ${REGION_FIELDS} AS region`;

/** Matches a municipality by code or by its Finnish or Swedish name, case-insensitively. */
const REGION_BY_NAME_OR_CODE = /* cypher */ `
  MATCH (r:Region)
  WHERE r.code = $text OR toLower(r.name) = toLower($text) OR toLower(r.nameSv) = toLower($text)
  RETURN ${REGION_FIELDS} AS region
  ORDER BY CASE r.kind WHEN 'MUNICIPALITY' THEN 0 ELSE 1 END
  LIMIT 1`;

const REGIONS_OF_OWNERS = /* cypher */ `
  UNWIND $ids AS ownerId
  MATCH (owner {id: ownerId})-[:SERVES|COVERS]->(r:Region)
  WHERE owner:Station OR owner:VipNetwork
  WITH ownerId, r ORDER BY r.name
  RETURN ownerId, collect(${REGION_FIELDS}) AS regions`;

export class RegionRepository {
  constructor(private readonly database: Database) {}

  async list(kind: RegionKind | null): Promise<RegionNode[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<{ region: RegionNode }>(await tx.run(REGIONS, { kind })).map((row) => row.region),
    );
  }

  async findByCodes(codes: readonly string[]): Promise<Map<string, RegionNode>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ region: RegionNode }>(await tx.run(REGIONS_BY_CODE, { codes }));
      return new Map(rows.map(({ region }) => [region.code, region]));
    });
  }

  /** A region by code or name ("837", "Tampere", "Tammerfors"); municipalities first. */
  async findByNameOrCode(text: string): Promise<RegionNode | null> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ region: RegionNode }>(
        await tx.run(REGION_BY_NAME_OR_CODE, { text: text.trim() }),
      );
      return row?.region ?? null;
    });
  }

  /** Regions served by stations or covered by VIP networks: `ownerId -> regions`. */
  async regionsOf(ownerIds: readonly string[]): Promise<Map<string, RegionNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ ownerId: string; regions: RegionNode[] }>(
        await tx.run(REGIONS_OF_OWNERS, { ids: ownerIds }),
      );
      return new Map(rows.map((row) => [row.ownerId, row.regions]));
    });
  }
}
