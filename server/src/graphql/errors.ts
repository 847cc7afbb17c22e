/**
 * Expected failures, typed by `extensions.code` so that clients can react to each kind, with a
 * message a worker understands. They are GraphQLErrors, so Yoga shows them unmasked; anything
 * else stays masked (see error-masking.ts).
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED';

/** One thing wrong with the input: the field (dotted path) and what to do about it. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Input that cannot be used. `field` names the first bad field; `problems` lists every one, so
 * that a form can mark all of them at once.
 */
export class InvalidInputError extends GraphQLError {
  constructor(message: string, field: string, problems: readonly InputProblem[] = []) {
    super(message, {
      extensions: {
        code: 'INVALID_INPUT' satisfies ErrorCode,
        field,
        problems: problems.length > 0 ? problems : [{ field, message }],
      },
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' satisfies ErrorCode } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' satisfies ErrorCode } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, current?: unknown) {
    super(message, { extensions: { code: 'CONFLICT' satisfies ErrorCode, current } });
  }
}

/** The caller is not signed in, and what they asked for needs a signed-in account. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED' satisfies ErrorCode } });
  }
}

/** Too many requests of one kind from one caller in a short time. */
export class RateLimitedError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { extensions: { code: 'RATE_LIMITED' satisfies ErrorCode, retryAfterSeconds } });
  }
}
