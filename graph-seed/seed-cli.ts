/**
 * `npm run seed`: loads the demo graph of the Tampere OT-keskus.
 *   --scale national   a synthetic national network over all five cooperation areas
 *   --experts N        that many experts (demo default 200, national 5000)
 *   --seed N           another deterministic draw
 *   --reset            remove the current graph first (same data labels only)
 * Uses NEO4J_URI when set, otherwise the local Neo4j the app already runs, or starts it for the
 * duration of the load (see openDatabaseForCommand).
 */
import { parseArgs } from 'node:util';
import { openDatabaseForCommand } from '../server/src/database/open-database.ts';
import { setUpSchema } from '../server/src/database/schema-setup.ts';
import { refreshMapLayout } from '../server/src/features/map/map-layout.service.ts';
import { generateNetwork } from './generate-network.ts';
import { loadSeedGraph } from './load-seed.ts';
import { SeedValidationError } from './seed-schema.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    experts: { type: 'string' },
    seed: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
if (values.scale !== 'demo' && values.scale !== 'national') {
  fail(`--scale must be demo or national, was "${values.scale}"`);
}
const experts = values.experts === undefined ? undefined : Number(values.experts);
if (experts !== undefined && !(Number.isInteger(experts) && experts >= 10 && experts <= 100_000)) {
  fail(`--experts must be a whole number from 10 to 100000, was "${values.experts}"`);
}
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) {
  fail(`--seed must be a whole number, was "${values.seed}"`);
}

const graph = generateNetwork({
  scale: values.scale,
  ...(experts !== undefined ? { experts } : {}),
  ...(seed !== undefined ? { seed } : {}),
});
const opened = await openDatabaseForCommand();
try {
  await setUpSchema(opened.database);
  const result = await loadSeedGraph(opened.database, graph, { reset: values.reset });
  const layout = await refreshMapLayout(opened.database);
  console.log(
    `Loaded the ${values.scale} graph: ${graph.lines.length} lines, ${graph.stations.length} stations ` +
      `(${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships created) ` +
      `in ${result.millis} ms; metro layout ${layout.recomputed ? `computed in ${layout.millis} ms` : 'unchanged'}.`,
  );
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof SeedValidationError ? error.message : error);
} finally {
  await opened.close();
}
