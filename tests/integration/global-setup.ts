/**
 * Integration tests run against a real Neo4j: started here once (fresh data folder), given the
 * schema and the demo graph, and stopped after the last file.
 */
import type { TestProject } from 'vitest/node';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { setUpSchema } from '../../server/src/database/schema-setup.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { connectTestDatabase, startTestNeo4j } from '../support/test-neo4j.ts';
import '../support/provided-context.ts';

export default async function setup(project: TestProject) {
  const neo4j = await startTestNeo4j();
  const database = connectTestDatabase(neo4j.uri);
  try {
    await setUpSchema(database);
    await loadSeedGraph(database, generateNetwork({ scale: 'demo' }), { reset: true });
    await refreshMapLayout(database);
  } finally {
    await database.driver.close();
  }
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
  };
}
