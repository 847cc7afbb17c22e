/**
 * Security headers on every response (helmet). The built SPA needs no inline script, so the
 * Content-Security-Policy allows scripts from this origin only; inline styles are allowed because
 * Svelte's style: directives set style attributes. GraphiQL (development tool) is an inline page
 * loading its bundle from a CDN, so /graphql gets a policy of its own when GraphiQL is on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

const APP_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

const GRAPHIQL_POLICY = {
  ...APP_POLICY,
  scriptSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
  fontSrc: ["'self'", 'https://unpkg.com'],
  imgSrc: ["'self'", 'data:', 'https://unpkg.com'],
};

function headersWith(directives: typeof APP_POLICY): Middleware {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over TLS; set below per request.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  }) as Middleware;
}

const HSTS = 'max-age=31536000; includeSubDomains';

/** True when the request reached us over TLS, directly or through a TLS-terminating proxy. */
function overTls(request: IncomingMessage): boolean {
  const socket = request.socket as { encrypted?: boolean };
  return socket.encrypted === true || request.headers['x-forwarded-proto'] === 'https';
}

/** Sets the security headers of `request`'s response. */
export function createSecurityHeaders(options: { graphiql: boolean }) {
  const app = headersWith(APP_POLICY);
  const graphiql = headersWith(GRAPHIQL_POLICY);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = (request.url ?? '/').split('?')[0];
    const apply = options.graphiql && path === '/graphql' ? graphiql : app;
    apply(request, response, () => {});
    if (overTls(request)) {
      response.setHeader('Strict-Transport-Security', HSTS);
    }
  };
}
