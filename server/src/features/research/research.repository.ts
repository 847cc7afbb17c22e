/** Cypher for the research layer: projects, researchers and the lines they inform. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import { LINE_FIELDS } from '../lines/line.repository.ts';
import type { LineNode } from '../lines/line.types.ts';
import type { ResearcherNode, ResearchProjectNode } from './research.types.ts';

const PROJECT_FIELDS = /* cypher */ 'p { .id, .title, .startYear, .endYear }';
const RESEARCHER_FIELDS =
  /* cypher */ 'r { .id, .name, .title, doublePost: coalesce(r.doublePost, false) }';

const PROJECTS = /* cypher */ `
  MATCH (p:ResearchProject)
  WHERE ($lineCode IS NULL OR EXISTS { (p)-[:INFORMS]->(:Line {code: $lineCode}) })
    AND ($organisationId IS NULL OR EXISTS { (p)-[:CONDUCTED_BY]->(:Organisation {id: $organisationId}) })
  RETURN ${PROJECT_FIELDS} AS project ORDER BY p.startYear DESC, p.title, p.id`;

const PROJECTS_OF_LINES = /* cypher */ `
  UNWIND $ids AS lineId
  MATCH (p:ResearchProject)-[:INFORMS]->(:Line {id: lineId})
  WITH lineId, p ORDER BY p.startYear DESC, p.title
  RETURN lineId, collect(${PROJECT_FIELDS}) AS projects`;

const RESEARCHERS_OF_PROJECTS = /* cypher */ `
  UNWIND $ids AS projectId
  MATCH (r:Researcher)-[:WORKS_ON]->(:ResearchProject {id: projectId})
  WITH projectId, r ORDER BY r.name
  RETURN projectId, collect(${RESEARCHER_FIELDS}) AS researchers`;

const LINES_OF_OWNERS = /* cypher */ `
  UNWIND $ids AS ownerId
  MATCH (owner {id: ownerId})-[:INFORMS|LINKS_TO]->(l:Line)
  WHERE owner:ResearchProject OR owner:VipNetwork
  WITH ownerId, l ORDER BY l.number
  RETURN ownerId, collect(${LINE_FIELDS}) AS lines`;

export class ResearchRepository {
  constructor(private readonly database: Database) {}

  async listProjects(filter: {
    lineCode: string | null;
    organisationId: string | null;
  }): Promise<ResearchProjectNode[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<{ project: ResearchProjectNode }>(await tx.run(PROJECTS, filter)).map(
        (row) => row.project,
      ),
    );
  }

  async projectsOfLines(lineIds: readonly string[]): Promise<Map<string, ResearchProjectNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ lineId: string; projects: ResearchProjectNode[] }>(
        await tx.run(PROJECTS_OF_LINES, { ids: lineIds }),
      );
      return new Map(rows.map((row) => [row.lineId, row.projects]));
    });
  }

  async researchersOfProjects(
    projectIds: readonly string[],
  ): Promise<Map<string, ResearcherNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ projectId: string; researchers: ResearcherNode[] }>(
        await tx.run(RESEARCHERS_OF_PROJECTS, { ids: projectIds }),
      );
      return new Map(rows.map((row) => [row.projectId, row.researchers]));
    });
  }

  /** Lines informed by projects or linked to VIP networks: `ownerId -> lines`. */
  async linesOf(ownerIds: readonly string[]): Promise<Map<string, LineNode[]>> {
    return readTransaction(this.database, async (tx) => {
      const rows = recordsOf<{ ownerId: string; lines: LineNode[] }>(
        await tx.run(LINES_OF_OWNERS, { ids: ownerIds }),
      );
      return new Map(rows.map((row) => [row.ownerId, row.lines]));
    });
  }
}
