/**
 * Server configuration, read from the environment once at start and validated, so that a typo in
 * a variable stops the start with a message that names the variable.
 */
import { z } from 'zod';

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

const booleanFlag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true');

const configSchema = z.object({
  PORT: port(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  NEO4J_URI: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .refine(
      (value) => value === undefined || NEO4J_SCHEMES.some((scheme) => value.startsWith(scheme)),
      `must start with one of ${NEO4J_SCHEMES.map((scheme) => `${scheme}//`).join(', ')}`,
    ),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  NEO4J_PORT: port(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mgMG]$/, 'must look like 512m or 2g')
    .default('1g'),
  /** Milliseconds a GraphQL request may wait for Neo4j before it gets a clear error. */
  NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /**
   * On SIGTERM, how long requests in flight may take to finish before they are cut off; below
   * the 10 s that `docker stop` waits before it kills.
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(8_000),
  SEED_WHEN_EMPTY: booleanFlag.default(true),
  /**
   * Keep the routing snapshot, the map and the line list in memory while the network revision in
   * Neo4j is unchanged (checked with one small read per request).
   */
  READ_CACHE: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** Schema introspection; on in development, off by default in production. */
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  /** The GraphiQL page at GET /graphql; on in development, off by default in production. */
  GRAPHIQL: booleanFlag.optional(),
  /** How long a sign-in session lasts, in hours. */
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .positive('must be more than 0')
    .max(720, 'must be at most 720 (30 days)')
    .default(8),
  /** Behind a reverse proxy: trust its X-Forwarded-For and X-Forwarded-Host (sign-in limits). */
  TRUST_PROXY: booleanFlag.default(false),
});

export type AppConfig = z.infer<typeof configSchema>;

/** Introspection and GraphiQL: as configured, else on outside production. */
export function graphqlTooling(
  config: Pick<AppConfig, 'NODE_ENV' | 'GRAPHQL_INTROSPECTION' | 'GRAPHIQL'>,
) {
  const development = config.NODE_ENV !== 'production';
  return {
    introspection: config.GRAPHQL_INTROSPECTION ?? development,
    graphiql: config.GRAPHIQL ?? development,
  };
}

/** Thrown when the environment is invalid; its message lists every bad variable. */
export class ConfigError extends Error {}

/** Reads and validates the configuration from `env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) =>
        `- ${issue.path.join('.')}: ${issue.message} (was ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}
