/**
 * Server configuration, read from the environment once at start and validated, so that a typo in
 * a variable stops the start with a message that names the variable.
 */
import { z } from 'zod';
import { ROLES, type Role } from './features/auth/account.types.ts';

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

/** Unset and empty are the same: compose files pass `${VAR:-}` placeholders as empty strings. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** An absolute http(s) URL; plain http only to this machine (development and tests). */
const webUrl = optionalText.refine((value) => {
  if (value === undefined) {
    return true;
  }
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
    );
  } catch {
    return false;
  }
}, 'must be an https:// URL (http:// only for localhost)');

/**
 * How the identity provider's role claim maps to roles: `idp-value=role` pairs separated by
 * commas. Unset: undefined (the role names map to themselves, see `oidcSettings`).
 */
const roleMap = optionalText.transform((value, context) => {
  if (value === undefined) {
    return undefined;
  }
  const map = new Map<string, Role>();
  for (const pair of value.split(',')) {
    const [claimValue, role, ...rest] = pair.split('=').map((part) => part.trim());
    if (!claimValue || !role || rest.length > 0 || !(ROLES as readonly string[]).includes(role)) {
      context.addIssue({
        code: 'custom',
        message: `must be pairs like metro-admins=admin,metro-staff=viewer separated by commas, each role one of ${ROLES.join(', ')}; "${pair.trim()}" is not`,
      });
      return z.NEVER;
    }
    map.set(claimValue, role as Role);
  }
  return map;
});

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const OIDC_OPTIONAL = [
  'OIDC_REDIRECT_URI',
  'OIDC_SCOPES',
  'OIDC_ROLE_CLAIM',
  'OIDC_ROLE_MAP',
] as const;

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
  /** The address users reach the app at, e.g. https://metrokartta.example.fi (no trailing path). */
  PUBLIC_URL: webUrl,
  OIDC_ISSUER: webUrl,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** Default: PUBLIC_URL + /auth/oidc/callback. */
  OIDC_REDIRECT_URI: webUrl,
  /** Default: openid email profile. */
  OIDC_SCOPES: optionalText.refine(
    (value) => value === undefined || value.split(/\s+/).includes('openid'),
    'must include openid (scopes are separated by spaces), e.g. "openid email profile"',
  ),
  /**
   * The claim that carries the roles (default roles; a dotted path reaches into objects, e.g.
   * realm_access.roles); `none`: roles are not taken from the identity provider.
   */
  OIDC_ROLE_CLAIM: optionalText,
  OIDC_ROLE_MAP: roleMap,
});

/**
 * All or nothing for the identity provider: a half-configured one would fail only when someone
 * tries to sign in.
 */
const checkedConfigSchema = configSchema.superRefine((config, context) => {
  const given = [...OIDC_REQUIRED, ...OIDC_OPTIONAL].filter((name) => config[name] !== undefined);
  if (given.length === 0) {
    return;
  }
  for (const name of OIDC_REQUIRED) {
    if (config[name] === undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `must be set to sign in through the identity provider (${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set); set all of ${OIDC_REQUIRED.join(', ')} and OIDC_REDIRECT_URI or PUBLIC_URL, or none`,
      });
    }
  }
  if (config.OIDC_REDIRECT_URI === undefined && config.PUBLIC_URL === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['OIDC_REDIRECT_URI'],
      message:
        'must be set, or PUBLIC_URL from which it is derived (PUBLIC_URL/auth/oidc/callback)',
    });
  }
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

/** Sign-in through the organisation's identity provider, as the app uses it. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  scopes: string;
  /** Path of the role claim (dots reach into objects); null: roles are not taken from it. */
  roleClaim: string | null;
  /** Claim value -> role. */
  roleMap: ReadonlyMap<string, Role>;
}

/** The OpenID Connect settings, or null when sign-in through an identity provider is off. */
export function oidcSettings(config: AppConfig): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = config;
  // loadConfig has made sure that these are all set or none.
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) {
    return null;
  }
  const redirectUri =
    config.OIDC_REDIRECT_URI ?? `${config.PUBLIC_URL?.replace(/\/+$/, '')}/auth/oidc/callback`;
  const roleClaim = config.OIDC_ROLE_CLAIM ?? 'roles';
  return {
    issuer: new URL(OIDC_ISSUER),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUri: new URL(redirectUri),
    scopes: config.OIDC_SCOPES ?? 'openid email profile',
    roleClaim: roleClaim === 'none' ? null : roleClaim,
    roleMap: config.OIDC_ROLE_MAP ?? new Map(ROLES.map((role) => [role, role])),
  };
}

/** Thrown when the environment is invalid; its message lists every bad variable. */
export class ConfigError extends Error {}

function wasText(value: string | undefined): string {
  return value === undefined || value.trim() === '' ? 'unset' : `was ${JSON.stringify(value)}`;
}

/** Reads and validates the configuration from `env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = checkedConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) =>
        `- ${issue.path.join('.')}: ${issue.message} (${wasText(env[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}
