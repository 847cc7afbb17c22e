/**
 * Signing in through the organisation's identity provider with OpenID Connect (openid-client):
 * the authorization code flow with PKCE, state and nonce. HTTP-free: oidc-routes.ts carries the
 * cookies and redirects. A successful sign-in opens the same server-side session as a password
 * (SignIn.openSession), so the rest of the app cannot tell the two apart.
 *
 * Nothing here logs a code, a token, a state, a nonce or a verifier.
 */
import { Neo4jError } from 'neo4j-driver';
import * as client from 'openid-client';
import type { Logger } from 'pino';
import type { OidcSettings } from '../../config.ts';
import type { Database } from '../../database/neo4j-driver.ts';
import { AccountRepository } from './account.repository.ts';
import type { ActiveSession } from './account.types.ts';
import {
  emailFromClaims,
  type OidcFailure,
  roleFromClaims,
  safeReturnPath,
} from './oidc-claims.ts';
import { type OidcLogin, OidcLoginSealer } from './oidc-login-cookie.ts';
import { type SignIn, secretsEqual } from './sign-in.ts';

/** Seconds to wait for the identity provider before telling the user it does not answer. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type OidcCallbackResult =
  | { outcome: 'signed-in'; sessionId: string; session: ActiveSession; returnTo: string }
  | { outcome: 'refused'; failure: OidcFailure; returnTo: string };

/** Thrown when the identity provider cannot be reached or answers with a server error. */
class ProviderUnavailable extends Error {}

export interface OidcSignInOptions {
  settings: OidcSettings;
  database: Database;
  signIn: SignIn;
  logger: Logger;
  now?: () => Date;
}

export class OidcSignIn {
  private readonly settings: OidcSettings;
  private readonly accounts: AccountRepository;
  private readonly signIn: SignIn;
  private readonly logger: Logger;
  private readonly now: () => Date;
  readonly sealer: OidcLoginSealer;
  /** The provider's metadata, fetched at the first sign-in; fetched again after a failure. */
  private configuration: Promise<client.Configuration> | null = null;

  constructor(options: OidcSignInOptions) {
    this.settings = options.settings;
    this.accounts = new AccountRepository(options.database);
    this.signIn = options.signIn;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
    this.sealer = new OidcLoginSealer(options.settings.clientSecret, this.now);
  }

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      this.configuration = client
        .discovery(issuer, clientId, clientSecret, client.ClientSecretPost(clientSecret), {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Plain http only to this machine (config.ts refuses it elsewhere): development, tests.
          execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        })
        .catch((error: unknown) => {
          this.configuration = null;
          throw new ProviderUnavailable(describe(error));
        });
    }
    return this.configuration;
  }

  /**
   * Starts a sign-in: the provider's authorization URL to send the browser to, and the sealed
   * login for the cookie that the callback needs.
   */
  async begin(
    returnTo: string | null,
  ): Promise<{ authorizationUrl: URL; sealedLogin: string } | { failure: OidcFailure }> {
    let configuration: client.Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      this.logFailure('unavailable', error);
      return { failure: 'unavailable' };
    }
    const login: OidcLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(returnTo),
    };
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri.href,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    return { authorizationUrl, sealedLogin: this.sealer.seal(login) };
  }

  /**
   * Completes a sign-in from the provider's redirect: checks the state against the login
   * cookie, exchanges the code (PKCE, nonce and ID token checked by openid-client), reads the
   * claims, finds or makes the account and opens a session.
   */
  async complete(query: URLSearchParams, sealedLogin: string | null): Promise<OidcCallbackResult> {
    const login = this.sealer.open(sealedLogin);
    const returnTo = login?.returnTo ?? '/';
    const refused = (failure: OidcFailure, error?: unknown): OidcCallbackResult => {
      this.logFailure(failure, error);
      return { outcome: 'refused', failure, returnTo };
    };
    if (query.get('error') === 'access_denied') {
      return refused('cancelled');
    }
    if (!login) {
      return refused('expired');
    }
    const state = query.get('state');
    if (state === null || !secretsEqual(state, login.state)) {
      return refused('invalid');
    }
    try {
      const configuration = await this.discover();
      const callbackUrl = new URL(this.settings.redirectUri);
      callbackUrl.search = query.toString();
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) {
        return refused('failed');
      }
      // Many providers put e-mail and roles only in the userinfo answer (oidc-provider does).
      const userInfo = configuration.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
        : {};
      const claims: Record<string, unknown> = { ...idClaims, ...userInfo };
      const email = emailFromClaims(claims);
      if (email === null) {
        return refused('no-email');
      }
      const role = roleFromClaims(claims, this.settings.roleClaim, this.settings.roleMap);
      const account = await this.accounts.provisionFromIdentityProvider(email, role, this.now());
      const opened = await this.signIn.openSession(account);
      if (!opened) {
        return refused('failed');
      }
      return {
        outcome: 'signed-in',
        sessionId: opened.sessionId,
        session: opened.session,
        returnTo,
      };
    } catch (error) {
      return refused(isUnavailable(error) ? 'unavailable' : 'failed', error);
    }
  }

  private logFailure(failure: OidcFailure, error?: unknown) {
    const level = failure === 'cancelled' || failure === 'expired' ? 'info' : 'warn';
    this.logger[level](
      { event: 'oidc-sign-in-failed', failure, ...(error ? { error: describe(error) } : {}) },
      'Sign-in through the identity provider did not succeed',
    );
  }
}

/** The provider or the database did not answer (as opposed to answering no). */
function isUnavailable(error: unknown): boolean {
  if (error instanceof ProviderUnavailable || error instanceof Neo4jError) {
    return true;
  }
  if (error instanceof client.ResponseBodyError) {
    return error.status >= 500;
  }
  if (error instanceof client.ClientError) {
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT') {
      return true;
    }
    // An answer that is not OAuth at all, e.g. a proxy's 502 page.
    return error.cause instanceof Response ? error.cause.status >= 500 : isUnavailable(error.cause);
  }
  // fetch() could not connect.
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}

/**
 * Error name, code and message for the log: never the error's cause or body, which may hold a
 * token or the provider's whole answer.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`;
}
