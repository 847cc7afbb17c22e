/**
 * `npm start`: the Metrokartta server. Starts the local Neo4j when NEO4J_URI is unset, prepares
 * the graph (schema, demo data when empty) and serves the app on PORT (default 4000).
 */
import { fileURLToPath } from 'node:url';
import { ConfigError, graphqlTooling, loadConfig, oidcSettings } from './config.ts';
import { openDatabase } from './database/open-database.ts';
import { keepPreparing } from './database/prepare-database.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const logger = createLogger(config.LOG_LEVEL);
const log = (message: string) => logger.info(message);

let opened: Awaited<ReturnType<typeof openDatabase>>;
try {
  opened = await openDatabase(config, log);
} catch (error) {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));
const { server, yoga, drain, mapLayout } = createApp({
  database: opened.database,
  logger,
  webRoot,
  graphqlTooling: graphqlTooling(config),
  readCache: config.READ_CACHE,
  auth: {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    trustProxy: config.TRUST_PROXY,
    oidc: oidcSettings(config),
  },
});
const preparation = keepPreparing(opened.database, { seedWhenEmpty: config.SEED_WHEN_EMPTY, log });

server.listen(config.PORT, config.HOST, () => {
  const shown = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  log(`Metrokartta is listening on http://${shown}:${config.PORT} (GraphQL at /graphql)`);
});
server.on('error', (error) => {
  logger.fatal(`Could not listen on port ${config.PORT}: ${error.message}`);
  void shutdown(1);
});
void preparation.ready.then(() => log('The graph is ready'));

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) {
    return;
  }
  stopping = true;
  log(`Shutting down: finishing ${drain.inFlight} request(s) in flight, refusing new ones`);
  preparation.stop();
  const { cutOff } = await drain.drain(server, config.SHUTDOWN_TIMEOUT_MS);
  if (cutOff > 0) {
    logger.warn(`${cutOff} request(s) did not finish within ${config.SHUTDOWN_TIMEOUT_MS} ms`);
  }
  await yoga.dispose();
  // A layout run scheduled by the last edits finishes before the driver closes.
  await mapLayout.settled();
  // Closing the driver lets Neo4j finish and release the sessions of this instance cleanly.
  await opened.close();
  log('Stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
