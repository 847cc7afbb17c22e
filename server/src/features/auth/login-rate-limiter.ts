/**
 * Counts failed sign-ins per key (an e-mail address, a client address) in a sliding window and
 * refuses further attempts once a key has too many, so that passwords cannot be guessed at speed.
 *
 * The counts live in this process's memory: each app instance counts on its own, and a restart
 * forgets them. That is enough to make guessing slow; a shared store would make the limit exact
 * across instances.
 */

/** At most `maxFailures` failures within `windowMs`. */
export interface RateLimit {
  maxFailures: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Keys remembered at most; beyond it the oldest are forgotten, so memory stays bounded. */
const DEFAULT_MAX_KEYS = 10_000;

/** One sliding-window counter over many keys. */
export class LoginRateLimiter {
  /** Failure times per key, oldest first, at most `maxFailures` of them. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys: number = DEFAULT_MAX_KEYS,
  ) {}

  /** Whether `key` may try again now, and if not, in how many seconds. */
  check(key: string): RateDecision {
    const recent = this.recentFailures(key);
    if (recent.length < this.limit.maxFailures) {
      return { allowed: true };
    }
    const oldest = recent[0] ?? this.now();
    const waitMs = oldest + this.limit.windowMs - this.now();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Counts one failed attempt of `key`. */
  recordFailure(key: string): void {
    const recent = this.recentFailures(key);
    recent.push(this.now());
    // Only the newest maxFailures matter for the decision.
    const kept = recent.slice(-this.limit.maxFailures);
    this.failures.delete(key);
    this.failures.set(key, kept);
    this.forgetBeyondCapacity();
  }

  /** Forgets the failures of `key` (after it signed in successfully). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Number of keys remembered (for tests of the memory bound). */
  get size(): number {
    return this.failures.size;
  }

  private recentFailures(key: string): number[] {
    const since = this.now() - this.limit.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (recent.length === 0) {
      this.failures.delete(key);
    }
    return recent;
  }

  private forgetBeyondCapacity(): void {
    if (this.failures.size <= this.maxKeys) {
      return;
    }
    const since = this.now() - this.limit.windowMs;
    for (const [key, times] of this.failures) {
      if ((times.at(-1) ?? 0) <= since) {
        this.failures.delete(key);
      }
    }
    // Map order is insertion order and recordFailure re-inserts, so the first keys are the
    // least recently failed.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) {
        break;
      }
      this.failures.delete(key);
    }
  }
}
