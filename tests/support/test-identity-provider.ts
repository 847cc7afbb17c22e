/**
 * A real OpenID provider for tests: oidc-provider in this process on a free port, with its
 * development sign-in pages (any login name, any password) and the people a test gives it.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdentityProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  /** Login name -> the claims the provider gives for them (email, roles, groups, ...). */
  people: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

/** The client secret the provider expects of `clientId`. */
export const clientSecretOf = (clientId: string) => `secret-of-${clientId}`;

export async function startTestIdentityProvider(
  clients: ReadonlyArray<{ clientId: string; redirectUri: string }>,
): Promise<TestIdentityProvider> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, Record<string, unknown>>();
  const provider = new Provider(issuer, {
    clients: clients.map(({ clientId, redirectUri }) => ({
      client_id: clientId,
      client_secret: clientSecretOf(clientId),
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    // As many providers do, e-mail and roles come with the standard scopes.
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'roles', 'groups'],
    },
    findAccount: (_context, sub) => ({
      accountId: sub,
      claims: () => ({ sub, ...people.get(sub) }),
    }),
    cookies: { keys: [randomBytes(16).toString('hex')] },
    jwks: {
      keys: [
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      ],
    },
    features: { devInteractions: { enabled: true } },
    // Set, so that the provider does not remind of its defaults on every sign-in.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    people,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
}
