/**
 * The one HTTP server: GraphQL at /graphql, sign-in at /auth/*, the admins' backup download at
 * /admin/backup, health at /healthz, the built web app at /.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import sirv from 'sirv';
import type { OidcSettings } from '../config.ts';
import { checkDatabaseHealth, type Database } from '../database/neo4j-driver.ts';
import { clientAddress, createAuthRoutes } from '../features/auth/auth-routes.ts';
import { OidcSignIn } from '../features/auth/oidc-sign-in.ts';
import { type SessionServerContext, useSessionGate } from '../features/auth/session-gate.ts';
import { type LoginLimits, SignIn } from '../features/auth/sign-in.ts';
import { createBackupRoute } from '../features/backup/backup-routes.ts';
import { createExportRoute } from '../features/exports/export-routes.ts';
import { MapLayoutRefresher } from '../features/map/map-layout.service.ts';
import { createContext, type RequestContext } from '../graphql/context.ts';
import { createMaskError } from '../graphql/error-masking.ts';
import { createReadCaches } from '../graphql/network-reads.ts';
import { schema } from '../graphql/schema.ts';
import { QUERY_LIMITS, queryLimitPlugins } from './graphql-limits.ts';
import { createRequestDrain, type RequestDrain } from './request-drain.ts';
import { createSecurityHeaders } from './security-headers.ts';

export interface AppOptions {
  database: Database;
  logger: Logger;
  /** Folder of the built web app (vite build); the app is not served when it is missing. */
  webRoot?: string;
  /** Schema introspection and the GraphiQL page (default: both on). */
  graphqlTooling?: { introspection: boolean; graphiql: boolean };
  /**
   * Keep the routing snapshot, the map and the line list in memory while the network revision is
   * unchanged (default true; READ_CACHE=false turns it off).
   */
  readCache?: boolean;
  /** Sign-in settings (defaults: 8-hour sessions, no proxy trusted, DEFAULT_LOGIN_LIMITS). */
  auth?: {
    sessionTtlHours?: number;
    trustProxy?: boolean;
    loginLimits?: LoginLimits;
    /** The clock of sessions and failure counts (tests move it). */
    now?: () => Date;
    /** Sign-in through the organisation's identity provider (config.ts `oidcSettings`). */
    oidc?: OidcSettings | null;
  };
}

export interface App {
  server: Server;
  /** Recomputes the map layout after edits; tests wait for it with `settled()`. */
  mapLayout: MapLayoutRefresher;
  yoga: ReturnType<typeof createYoga<SessionServerContext, RequestContext>>;
  /** Graceful stop: `drain.drain(server, ms)` finishes requests in flight and refuses new ones. */
  drain: RequestDrain;
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** The body of a request, or null as soon as it is longer than `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        request.off('data', onData);
        request.off('end', onEnd);
        resolveBody(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolveBody(Buffer.concat(chunks));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', rejectBody);
    request.once('close', () => {
      if (!request.complete) {
        rejectBody(new Error('The client closed the request before its end'));
      }
    });
  });
}

export function createApp({
  database,
  logger,
  webRoot,
  graphqlTooling,
  auth,
  readCache = true,
}: AppOptions): App {
  const tooling = graphqlTooling ?? { introspection: true, graphiql: true };
  const signIn = new SignIn({
    database,
    sessionTtlHours: auth?.sessionTtlHours ?? 8,
    limits: auth?.loginLimits,
    now: auth?.now,
  });
  const oidc = auth?.oidc
    ? new OidcSignIn({ settings: auth.oidc, database, signIn, logger, now: auth.now })
    : null;
  const authRoutes = createAuthRoutes({
    signIn,
    logger,
    trustProxy: auth?.trustProxy ?? false,
    oidc,
  });
  const backupRoute = createBackupRoute({ database, signIn, logger });
  const exportRoute = createExportRoute({ database, signIn, logger });
  const trustProxy = auth?.trustProxy ?? false;
  const caches = readCache ? createReadCaches(database) : null;
  const mapLayout = new MapLayoutRefresher(database, (error) =>
    logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      'The map layout could not be recomputed after an edit',
    ),
  );
  const networkChanged = () => {
    void mapLayout.schedule();
  };
  const yoga = createYoga<SessionServerContext, RequestContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // The client address only keys the in-memory rate limit of recordConsultation; never stored.
    context: ({ account, req }: SessionServerContext & { req?: IncomingMessage }) =>
      createContext(
        database,
        account ?? null,
        caches,
        req ? clientAddress(req, trustProxy) : 'unknown',
        { networkChanged },
      ),
    // Yoga's own logs stay quiet: variables may hold a case description, which is never logged.
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }),
      error: (...args: unknown[]) => logger.error({ yoga: args.map(String) }),
    },
    landingPage: false,
    graphiql: tooling.graphiql ? { title: 'Metrokartta GraphQL' } : false,
    maskedErrors: { maskError: createMaskError(logger) },
    plugins: [
      // First: the session and its CSRF check come before anything reads the request body.
      useSessionGate(signIn),
      ...queryLimitPlugins({ introspection: tooling.introspection }),
      // Compiled execution: the map returns thousands of objects, and graphql-jit resolves their
      // fields several times faster than the interpreter (figures in bench/RESULTS.md).
      useGraphQlJit(),
    ],
  });

  const serveWeb =
    webRoot && existsSync(webRoot)
      ? sirv(webRoot, { single: true, etag: true, dev: false })
      : undefined;

  const securityHeaders = createSecurityHeaders({ graphiql: tooling.graphiql });
  const drain = createRequestDrain();

  /**
   * Refuses what GraphQL over HTTP does not carry before Yoga parses anything: bodies over the
   * limit (declared, or counted while they arrive when no length is declared) with 413, and
   * multipart or form bodies (the API takes no uploads) with 415.
   */
  async function serveGraphql(request: IncomingMessage, response: ServerResponse) {
    const tooLarge = () => {
      sendJson(response, 413, {
        errors: [
          { message: `The request body is larger than ${QUERY_LIMITS.maxBodyBytes} bytes.` },
        ],
      });
      request.resume();
    };
    if (Number(request.headers['content-length'] ?? 0) > QUERY_LIMITS.maxBodyBytes) {
      tooLarge();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const type = (request.headers['content-type'] ?? '').toLowerCase();
      if (type.startsWith('multipart/') || type.startsWith('application/x-www-form-urlencoded')) {
        sendJson(response, 415, {
          errors: [{ message: 'Send GraphQL requests as application/json.' }],
        });
        request.resume();
        return;
      }
      let body: Buffer | null;
      try {
        body = await readBody(request, QUERY_LIMITS.maxBodyBytes);
      } catch {
        // The client went away while sending: there is no one to answer.
        response.destroy();
        return;
      }
      if (body === null) {
        tooLarge();
        return;
      }
      // Yoga's Node adapter takes a body that was read already from `request.body`.
      (request as IncomingMessage & { body?: Buffer }).body = body;
    }
    await yoga(request, response);
  }

  /** Serves one request; settles when the handler has done all its work. */
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/graphql') {
      await serveGraphql(request, response);
      return;
    }
    if (path.startsWith('/auth/')) {
      await authRoutes(request, response, path);
      return;
    }
    if (path === '/admin/backup') {
      await backupRoute(request, response);
      return;
    }
    if (path.startsWith('/export/')) {
      await exportRoute(request, response, path);
      return;
    }
    if (path === '/healthz') {
      const health = await checkDatabaseHealth(database);
      sendJson(
        response,
        health.ok ? 200 : 503,
        health.ok
          ? { status: 'ok', neo4j: 'up' }
          : { status: 'unavailable', reason: health.reason },
      );
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
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    securityHeaders(request, response);
    if (!drain.admit(request, response)) {
      return;
    }
    const handled = handle(request, response).catch((error: unknown) => {
      logger.error({ error }, 'Unexpected error while serving a request');
      if (!response.headersSent) {
        sendJson(response, 500, { errors: [{ message: 'Internal server error' }] });
      }
    });
    drain.track(response, handled);
  });
  return { server, yoga, drain, mapLayout };
}
