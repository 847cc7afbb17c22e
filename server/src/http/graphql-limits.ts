/**
 * Limits against abusive queries, as Yoga plugins (GraphQL Armor). The numbers leave room for
 * every query the web app and the contract need (the map in one request, search with aliases)
 * while refusing deep, wide or repeated queries before they reach Neo4j.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const QUERY_LIMITS = {
  /** Deepest field nesting: line -> stations -> lines -> stations... stays useful up to here. */
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 20_000,
  /** Largest request body accepted, in bytes (a query with a long case description fits easily). */
  maxBodyBytes: 64 * 1024,
} as const;

export interface LimitOptions {
  introspection: boolean;
}

/**
 * Refuses an operation whose root type the schema lacks (a mutation while the API has none) as a
 * validation error: graphql-js 16 leaves that to execution, where the compiled executor fails
 * with an unexpected error instead of a clear one.
 */
const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }),
      );
    }
  },
});

// biome-ignore lint/suspicious/noExplicitAny: Yoga's plugin list is typed over any context.
export function queryLimitPlugins(options: LimitOptions): Plugin<any>[] {
  return [
    { onValidate: ({ addValidationRule }) => addValidationRule(knownOperationTypes) },
    maxDepthPlugin({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases }),
    maxDirectivesPlugin({ n: QUERY_LIMITS.maxDirectives }),
    maxTokensPlugin({ n: QUERY_LIMITS.maxTokens }),
    costLimitPlugin({ maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true }),
    // Field suggestions ("did you mean ...") would reveal the schema when introspection is off.
    ...(options.introspection ? [] : [blockFieldSuggestionsPlugin(), useDisableIntrospection()]),
  ];
}
