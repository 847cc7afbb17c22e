/** Cypher for organisations and research partners. */
import { type Database, int, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { OrganisationNode } from './organisation.types.ts';

const ORGANISATION_FIELDS = /* cypher */ `o {
  .id, .name, .sector, .researchCategory,
  regionCode: head([(o)-[:LOCATED_IN]->(r:Region) | r.code])
}`;

const ORGANISATIONS = /* cypher */ `
  MATCH (o:Organisation)
  WHERE (NOT $researchPartnersOnly OR o:ResearchPartner)
    AND ($sector IS NULL OR o.sector = $sector)
  WITH o ORDER BY o.name, o.id
  WITH collect(o) AS matches
  RETURN size(matches) AS totalCount,
         [o IN matches[$offset..($offset + $limit)] | ${ORGANISATION_FIELDS}] AS nodes`;

const ORGANISATIONS_BY_ID = /* cypher */ `
  UNWIND $ids AS id
  MATCH (o:Organisation {id: id})
  RETURN ${ORGANISATION_FIELDS} AS organisation`;

/** The organisation of each station, researcher or project (its employer or host). */
const ORGANISATION_OF_OWNERS = /* cypher */ `
  UNWIND $ids AS ownerId
  MATCH (owner {id: ownerId})-[:MEMBER_OF|AFFILIATED_WITH|CONDUCTED_BY]->(o:Organisation)
  WHERE owner:Station OR owner:Researcher OR owner:ResearchProject
  RETURN ownerId, ${ORGANISATION_FIELDS} AS organisation`;

export interface OrganisationPage {
  nodes: OrganisationNode[];
  totalCount: number;
}

export class OrganisationRepository {
  constructor(private readonly database: Database) {}

  async list(
    filter: { researchPartnersOnly: boolean; sector: string | null },
    page: { offset: number; limit: number },
  ): Promise<OrganisationPage> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<OrganisationPage>(
        await tx.run(ORGANISATIONS, {
          ...filter,
          offset: int(page.offset),
          limit: int(page.limit),
        }),
      );
      return row ?? { nodes: [], totalCount: 0 };
    });
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, OrganisationNode>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ organisation: OrganisationNode }>(
        await tx.run(ORGANISATIONS_BY_ID, { ids }),
      );
      return new Map(rows.map(({ organisation }) => [organisation.id, organisation]));
    });
  }

  /** `ownerId -> organisation` for stations, researchers and projects. */
  async organisationsOf(ownerIds: readonly string[]): Promise<Map<string, OrganisationNode>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ ownerId: string; organisation: OrganisationNode }>(
        await tx.run(ORGANISATION_OF_OWNERS, { ids: ownerIds }),
      );
      return new Map(rows.map((row) => [row.ownerId, row.organisation]));
    });
  }
}
