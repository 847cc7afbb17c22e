/**
 * Makes a connected Neo4j ready for the app: schema (constraints, full-text indexes) and, when the
 * graph is empty, the demo network. If Neo4j is not reachable yet, keeps trying in the background
 * so that the server can start first and recover by itself.
 */
import { generateNetwork } from '../../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../../graph-seed/load-seed.ts';
import { refreshMapLayout } from '../features/map/map-layout.service.ts';
import { type Database, describeError } from './neo4j-driver.ts';
import { graphIsEmpty, setUpSchema } from './schema-setup.ts';

export interface PrepareOptions {
  seedWhenEmpty: boolean;
  log: (message: string) => void;
  retryEveryMs?: number;
}

/** One attempt: schema, the demo graph if there is no line yet, and a current map layout. */
export async function prepareDatabase(database: Database, options: PrepareOptions): Promise<void> {
  await setUpSchema(database);
  if (options.seedWhenEmpty && (await graphIsEmpty(database))) {
    const result = await loadSeedGraph(database, generateNetwork({ scale: 'demo' }));
    options.log(
      `The graph was empty: loaded the demo network (${result.nodesCreated} nodes) in ${result.millis} ms`,
    );
  }
  const layout = await refreshMapLayout(database);
  if (layout.recomputed) {
    options.log(`Computed the metro layout of ${layout.stations} stations in ${layout.millis} ms`);
  }
}

/**
 * Tries `prepareDatabase` until it succeeds or `stop()` is called. Resolves `ready` on success;
 * the first failure is logged with its reason, later ones quietly.
 */
export function keepPreparing(database: Database, options: PrepareOptions) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolveReady) => {
    let attempts = 0;
    const attempt = async () => {
      if (stopped) {
        return;
      }
      try {
        await prepareDatabase(database, options);
        resolveReady();
      } catch (error) {
        attempts++;
        if (attempts === 1) {
          options.log(
            `Neo4j is not ready yet (${describeError(error)}); retrying in the background`,
          );
        }
        timer = setTimeout(attempt, options.retryEveryMs ?? 3_000);
      }
    };
    void attempt();
  });
  return {
    ready,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
