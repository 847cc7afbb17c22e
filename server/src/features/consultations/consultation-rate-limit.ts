/**
 * The rate limit of recorded consultations: at most 30 per client address (or account) per hour,
 * counted in this process's memory only (the address is never stored), so that one caller cannot
 * flood the statistics.
 */
import type { Database } from '../../database/neo4j-driver.ts';
import { LoginRateLimiter, type RateLimit } from '../auth/login-rate-limiter.ts';

export const CONSULTATION_RATE_LIMIT: RateLimit = { maxFailures: 30, windowMs: 3_600_000 };

const limiters = new WeakMap<Database, LoginRateLimiter>();

/** The limiter of one database connection (one app instance). */
export function consultationLimiterOf(database: Database): LoginRateLimiter {
  let limiter = limiters.get(database);
  if (!limiter) {
    limiter = new LoginRateLimiter(CONSULTATION_RATE_LIMIT);
    limiters.set(database, limiter);
  }
  return limiter;
}
