/**
 * Browser tests run the real thing: the web app built by Vite, served by the real server, over a
 * real seeded Neo4j, driven in Debian's Chromium.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { setUpSchema } from '../../server/src/database/schema-setup.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { connectTestDatabase, startTestNeo4j } from '../support/test-neo4j.ts';
import '../support/provided-context.ts';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  const webRoot = `${rootDir}dist/e2e-web`;
  await build({
    configFile: `${rootDir}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  const neo4j = await startTestNeo4j();
  const database = connectTestDatabase(neo4j.uri);
  await setUpSchema(database);
  await loadSeedGraph(database, generateNetwork({ scale: 'demo' }), { reset: true });
  await refreshMapLayout(database);
  const { server, yoga } = createApp({ database, logger: createLogger('silent'), webRoot });
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
  const { port } = server.address() as AddressInfo;
  project.provide('appUrl', `http://127.0.0.1:${port}`);
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
    await yoga.dispose();
    await database.driver.close();
    await neo4j.stop();
  };
}
