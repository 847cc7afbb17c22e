/** The sliding-window counter of failed sign-ins. */
import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../server/src/features/auth/login-rate-limiter.ts';

const MINUTE = 60_000;

function limiterAt(start = 1_000_000, maxKeys?: number) {
  const clock = { now: start };
  const limiter = new LoginRateLimiter(
    { maxFailures: 5, windowMs: 15 * MINUTE },
    () => clock.now,
    maxKeys,
  );
  return { limiter, clock };
}

describe('login rate limiter', () => {
  it('allows five failures and refuses the sixth attempt with the seconds to wait', () => {
    const { limiter } = limiterAt();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(limiter.check('anna@example.fi')).toEqual({ allowed: true });
      limiter.recordFailure('anna@example.fi');
    }
    expect(limiter.check('anna@example.fi')).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });

  it('allows again once the oldest failure leaves the window', () => {
    const { limiter, clock } = limiterAt();
    for (let minute = 0; minute < 5; minute++) {
      limiter.recordFailure('key');
      clock.now += MINUTE;
    }
    // Failures at minutes 0..4; now minute 5: the first leaves the window at minute 15.
    expect(limiter.check('key')).toEqual({ allowed: false, retryAfterSeconds: 600 });
    clock.now += 10 * MINUTE;
    expect(limiter.check('key')).toEqual({ allowed: true });
    limiter.recordFailure('key');
    expect(limiter.check('key').allowed).toBe(false);
  });

  it('counts each key on its own, and reset forgets one key only', () => {
    const { limiter } = limiterAt();
    for (let attempt = 0; attempt < 5; attempt++) {
      limiter.recordFailure('a');
      limiter.recordFailure('b');
    }
    expect(limiter.check('c').allowed).toBe(true);
    limiter.reset('a');
    expect(limiter.check('a').allowed).toBe(true);
    expect(limiter.check('b').allowed).toBe(false);
  });

  it('keeps its memory bounded under failures for many keys', () => {
    const { limiter, clock } = limiterAt(0, 100);
    for (let key = 0; key < 1_000; key++) {
      limiter.recordFailure(`user-${key}@example.fi`);
      clock.now += 1;
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The most recent keys are the ones kept.
    for (let attempt = 0; attempt < 4; attempt++) {
      limiter.recordFailure('user-999@example.fi');
    }
    expect(limiter.check('user-999@example.fi').allowed).toBe(false);
  });
});
