/**
 * The one HTTP server: GraphQL at /graphql, health at /healthz, the built web app at /.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import sirv from 'sirv';
import { checkDatabaseHealth, type Database } from '../database/neo4j-driver.ts';
import { createContext, type RequestContext } from '../graphql/context.ts';
import { maskError } from '../graphql/error-masking.ts';
import { schema } from '../graphql/schema.ts';

export interface AppOptions {
  database: Database;
  logger: Logger;
  /** Folder of the built web app (vite build); the app is not served when it is missing. */
  webRoot?: string;
}

export interface App {
  server: Server;
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, RequestContext>>;
}

export function createApp({ database, logger, webRoot }: AppOptions): App {
  const yoga = createYoga<Record<string, unknown>, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(database),
    // Yoga's own logs stay quiet: variables may hold a case description, which is never logged.
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }),
      error: (...args: unknown[]) => logger.error({ yoga: args.map(String) }),
    },
    landingPage: false,
    maskedErrors: { maskError },
  });

  const serveWeb =
    webRoot && existsSync(webRoot)
      ? sirv(webRoot, { single: true, etag: true, dev: false })
      : undefined;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/graphql') {
      void yoga(request, response);
      return;
    }
    if (path === '/healthz') {
      void checkDatabaseHealth(database).then((health) => {
        response.writeHead(health.ok ? 200 : 503, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        response.end(
          JSON.stringify(
            health.ok
              ? { status: 'ok', neo4j: 'up' }
              : { status: 'unavailable', reason: health.reason },
          ),
        );
      });
      return;
    }
    if (serveWeb) {
      serveWeb(request, response, () => {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found');
      });
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The web app is not built: run `npm run build` (npm start does it for you).');
  });
  return { server, yoga };
}
