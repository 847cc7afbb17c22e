/**
 * What a GraphQL caller sees of a failure. Expected failures (GraphQLErrors with a code) keep
 * their message; a Neo4j that is away becomes a clear, typed DATABASE_UNAVAILABLE error; anything
 * else is masked and logged with a request id the caller can quote to support.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';
import { Neo4jError } from 'neo4j-driver';
import type { Logger } from 'pino';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The consultation network cannot be reached right now. Please try again in a moment.';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // The request's transaction ran past NEO4J_TIMEOUT_MS (a busy or recovering database): it was
  // rolled back whole, so the caller may simply try again.
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

function originalOf(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner) {
      return current;
    }
    current = inner;
  }
  return current;
}

export function createMaskError(logger: Logger): MaskError {
  return (error) => {
    const original = originalOf(error);
    if (
      original instanceof Neo4jError &&
      (UNAVAILABLE_CODES.has(original.code) || original.retriable)
    ) {
      return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
        extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    if (original instanceof GraphQLError && original.extensions?.code) {
      return error as GraphQLError;
    }
    if (error instanceof GraphQLError && !error.originalError) {
      // Parse and validation errors from graphql-js and the query limits: the caller's mistake.
      return error;
    }
    const requestId = randomUUID();
    // The error itself only: variables may hold a case description, which is never logged.
    logger.error(
      {
        requestId,
        error:
          original instanceof Error
            ? { name: original.name, message: original.message, stack: original.stack }
            : String(original),
      },
      'Unexpected error in a GraphQL request',
    );
    return new GraphQLError(`Unexpected error. Request id: ${requestId}`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  };
}
