import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMaskError } from '../../server/src/graphql/error-masking.ts';
import { InvalidInputError } from '../../server/src/graphql/errors.ts';

function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

/** How a resolver's error reaches maskError: wrapped in a located GraphQLError. */
function located(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original });
}

describe('error masking', () => {
  it('masks an unexpected error, logs it with a request id, and gives the caller that id only', () => {
    const { logger, lines } = capturingLogger();
    const masked = createMaskError(logger)(located(new Error('secret internals at line 42')), 'x');
    expect(masked.message).toMatch(/^Unexpected error\. Request id: [0-9a-f-]{36}$/);
    expect(masked.message).not.toContain('secret');
    const requestId = (masked as GraphQLError).extensions.requestId;
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      requestId,
      error: { message: 'secret internals at line 42' },
    });
  });

  it('passes typed errors through unchanged', () => {
    const { logger, lines } = capturingLogger();
    const typed = located(new InvalidInputError('first: must be between 1 and 200', 'first'));
    expect(createMaskError(logger)(typed, 'x')).toBe(typed);
    expect(lines).toEqual([]);
  });

  it('turns an unreachable Neo4j into DATABASE_UNAVAILABLE', () => {
    const { logger } = capturingLogger();
    const down = located(
      new Neo4jError('connect ECONNREFUSED', 'ServiceUnavailable', 'N/A', 'N/A'),
    );
    const masked = createMaskError(logger)(down, 'x') as GraphQLError;
    expect(masked.extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(masked.message).toMatch(/try again/);
  });

  it('turns a transaction that ran past the timeout into DATABASE_UNAVAILABLE, not an unexpected error', () => {
    const { logger, lines } = capturingLogger();
    const timedOut = located(
      new Neo4jError(
        'The transaction has not completed within the timeout specified at its start by the client.',
        'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
        'N/A',
        'N/A',
      ),
    );
    const masked = createMaskError(logger)(timedOut, 'x') as GraphQLError;
    expect(masked.extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(lines).toEqual([]);
  });
});
