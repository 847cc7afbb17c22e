/**
 * What a GraphQL caller sees of a failure. Expected failures keep their message; a Neo4j that is
 * away becomes a clear, typed DATABASE_UNAVAILABLE error; anything else stays masked.
 */
import { GraphQLError } from 'graphql';
import { type MaskError, maskError as yogaMaskError } from 'graphql-yoga';
import { Neo4jError } from 'neo4j-driver';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The consultation network cannot be reached right now. Please try again in a moment.';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

function neo4jCause(error: unknown): Neo4jError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof Neo4jError) {
      return current;
    }
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export const maskError: MaskError = (error, message, isDev) => {
  const cause = neo4jCause(error);
  if (cause && (UNAVAILABLE_CODES.has(cause.code) || cause.retriable)) {
    return new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
      extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
    });
  }
  return yogaMaskError(error, message, isDev);
};
