/** Security headers on every response of the real server. */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const production = createApp({
  database,
  logger: createLogger('silent'),
  graphqlTooling: { introspection: false, graphiql: false },
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolveListening) =>
    production.server.listen(0, '127.0.0.1', resolveListening),
  );
  base = `http://127.0.0.1:${(production.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolveClosed) => production.server.close(() => resolveClosed()));
  await database.driver.close();
});

describe('security headers', () => {
  it.each(['/', '/healthz', '/graphql?query=%7Blines%7Bcode%7D%7D', '/no-such-page'])(
    'are on %s',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('adds HSTS when the request came over TLS through a proxy', async () => {
    const response = await fetch(`${base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
