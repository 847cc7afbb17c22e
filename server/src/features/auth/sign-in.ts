/**
 * Signing in with a local account, and the server-side sessions that follow. HTTP-free: the
 * routes (auth-routes.ts) and the GraphQL session gate (session-gate.ts) call it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../database/neo4j-driver.ts';
import { AccountRepository, normaliseEmail } from './account.repository.ts';
import type { Account, ActiveSession } from './account.types.ts';
import { LoginRateLimiter, type RateLimit } from './login-rate-limiter.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { SessionRepository } from './session.repository.ts';

/** Failed sign-ins allowed per e-mail address and per client address. */
export interface LoginLimits {
  perEmail: RateLimit;
  perClient: RateLimit;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Five wrong passwords per address in 15 minutes; more per client, because a whole office may
 * reach the server from one address.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perEmail: { maxFailures: 5, windowMs: FIFTEEN_MINUTES },
  perClient: { maxFailures: 20, windowMs: FIFTEEN_MINUTES },
};

export interface SignInOptions {
  database: Database;
  /** How long a session lasts. */
  sessionTtlHours: number;
  limits?: LoginLimits;
  /** The clock (tests move it). */
  now?: () => Date;
  /**
   * The password check (tests wrap it to see what each answer costs; timing it would be flaky on
   * a shared machine).
   */
  verifyPassword?: typeof verifyPassword;
}

export type SignInResult =
  | { outcome: 'signed-in'; sessionId: string; session: ActiveSession }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'rate-limited'; retryAfterSeconds: number };

const SESSION_ID_BYTES = 32;
/** A session id as issued: 32 random bytes in base64url. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The form a session id is stored in: its SHA-256, hex. */
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Local sign-in: checks passwords, keeps count of failures, opens and closes sessions. */
export class SignIn {
  private readonly accounts: AccountRepository;
  private readonly sessions: SessionRepository;
  private readonly perEmail: LoginRateLimiter;
  private readonly perClient: LoginRateLimiter;
  private readonly now: () => Date;
  private readonly verify: typeof verifyPassword;
  /**
   * A hash of a random password with the current parameters: an unknown address is checked
   * against it, so that it takes as long to answer as a wrong password of a real account.
   */
  private readonly decoyHash: Promise<string>;
  readonly ttlSeconds: number;

  constructor(options: SignInOptions) {
    this.accounts = new AccountRepository(options.database);
    this.sessions = new SessionRepository(options.database);
    this.now = options.now ?? (() => new Date());
    this.verify = options.verifyPassword ?? verifyPassword;
    const limits = options.limits ?? DEFAULT_LOGIN_LIMITS;
    const clock = () => this.now().getTime();
    this.perEmail = new LoginRateLimiter(limits.perEmail, clock);
    this.perClient = new LoginRateLimiter(limits.perClient, clock);
    this.ttlSeconds = Math.round(options.sessionTtlHours * 3600);
    this.decoyHash = hashPassword(randomBytes(24).toString('base64'));
  }

  /**
   * Checks `email` and `password`; on success opens a session. The answer for an unknown address
   * and for a wrong password is the same and takes the same time.
   */
  async signIn(email: string, password: string, clientAddress: string): Promise<SignInResult> {
    const emailKey = normaliseEmail(email);
    for (const decision of [this.perEmail.check(emailKey), this.perClient.check(clientAddress)]) {
      if (!decision.allowed) {
        return { outcome: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };
      }
    }
    const found = await this.accounts.findForSignIn(emailKey);
    // An account made through the identity provider has no password: the decoy answers for it.
    const matches = await this.verify(password, found?.passwordHash ?? (await this.decoyHash));
    if (!found || !matches) {
      this.perEmail.recordFailure(emailKey);
      this.perClient.recordFailure(clientAddress);
      return { outcome: 'wrong-credentials' };
    }
    // The client's count stays: one known password must not reset guessing at other accounts.
    this.perEmail.reset(emailKey);

    const opened = await this.openSession(found.account);
    // Null: the account was removed between the two queries.
    return opened ?? { outcome: 'wrong-credentials' };
  }

  /**
   * Opens a session for an account whose holder has proven who they are (a password here, the
   * identity provider in oidc-sign-in.ts): a fresh id and CSRF token, stored as their hash and as
   * is. Null when the account no longer exists.
   */
  async openSession(
    account: Account,
  ): Promise<{ outcome: 'signed-in'; sessionId: string; session: ActiveSession } | null> {
    const sessionId = randomBytes(SESSION_ID_BYTES).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + this.ttlSeconds * 1000);
    const created = await this.sessions.create({
      idHash: hashSessionId(sessionId),
      accountId: account.id,
      csrfToken,
      createdAt,
      expiresAt,
    });
    if (!created) {
      return null;
    }
    await this.sessions.deleteExpired(createdAt);
    return {
      outcome: 'signed-in',
      sessionId,
      session: { account, csrfToken, expiresAt: expiresAt.toISOString() },
    };
  }

  /**
   * The live session a cookie's id names, with its account as it is now; null for an unknown,
   * malformed or expired id. An expired session is deleted when it is seen.
   */
  async sessionOf(sessionId: string | null): Promise<ActiveSession | null> {
    if (sessionId === null || !SESSION_ID_PATTERN.test(sessionId)) {
      return null;
    }
    const idHash = hashSessionId(sessionId);
    const stored = await this.sessions.find(idHash, this.now());
    if (!stored) {
      return null;
    }
    if (stored.expired || !stored.account) {
      await this.sessions.delete(idHash);
      return null;
    }
    return { account: stored.account, csrfToken: stored.csrfToken, expiresAt: stored.expiresAt };
  }

  /** Ends the session `sessionId` names, on every app instance. */
  async signOut(sessionId: string): Promise<void> {
    if (SESSION_ID_PATTERN.test(sessionId)) {
      await this.sessions.delete(hashSessionId(sessionId));
    }
  }
}
