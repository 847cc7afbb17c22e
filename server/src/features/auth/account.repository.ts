/** Cypher for accounts. Knows nothing of GraphQL or HTTP. */
import { randomUUID } from 'node:crypto';
import { Neo4jError } from 'neo4j-driver';
import {
  type Database,
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../database/neo4j-driver.ts';
import { type Account, AccountExistsError, type NewAccount, type Role } from './account.types.ts';

/** The projection every account query returns: never the password hash. */
export const ACCOUNT_FIELDS = /* cypher */ `a {
  .id, .email, .role,
  expertId: a.expertId,
  lineCodes: coalesce(a.lineCodes, [])
}`;

const CREATE_ACCOUNT = /* cypher */ `
  CREATE (a:Account {
    id: $id, email: $email, role: $role, passwordHash: $passwordHash,
    expertId: $expertId, lineCodes: $lineCodes, createdAt: datetime($now)
  })
  RETURN ${ACCOUNT_FIELDS} AS account`;

const ACCOUNT_FOR_SIGN_IN = /* cypher */ `
  MATCH (a:Account {email: $email})
  RETURN ${ACCOUNT_FIELDS} AS account, a.passwordHash AS passwordHash`;

/**
 * Just-in-time provisioning for a sign-in through the identity provider: the account with this
 * e-mail address, made (without a password) when there is none. `$role` (null: the provider says
 * nothing of roles) replaces the role at every sign-in, so that a change at the provider applies
 * at the next sign-in; a new account without one is a viewer. An account not yet linked to an
 * Expert card is linked to the expert with the same e-mail address, if there is exactly one.
 */
const PROVISION_ACCOUNT = /* cypher */ `
  MERGE (a:Account {email: $email})
    ON CREATE SET a.id = $id, a.role = 'viewer', a.createdAt = datetime($now),
                  a.createdThrough = 'oidc'
  SET a.role = coalesce($role, a.role)
  WITH a
  OPTIONAL MATCH (expert:Expert) WHERE a.expertId IS NULL AND toLower(expert.email) = $email
  WITH a, collect(expert.id) AS expertIds
  SET a.expertId = CASE WHEN size(expertIds) = 1 THEN expertIds[0] ELSE a.expertId END
  RETURN ${ACCOUNT_FIELDS} AS account`;

/** E-mail addresses are compared without case or surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class AccountRepository {
  constructor(private readonly database: Database) {}

  /** Stores a new account; throws AccountExistsError when the e-mail address is taken. */
  async create(account: NewAccount, now: Date = new Date()): Promise<Account> {
    const email = normaliseEmail(account.email);
    try {
      return await writeTransaction(this.database, async (tx) => {
        const [row] = recordsOf<{ account: Account }>(
          await tx.run(CREATE_ACCOUNT, {
            id: `account-${randomUUID()}`,
            email,
            role: account.role,
            passwordHash: account.passwordHash,
            expertId: account.expertId,
            // Only coordinators coordinate lines; nothing is stored for the others.
            lineCodes: account.lineCodes.length > 0 ? account.lineCodes : null,
            now: now.toISOString(),
          }),
        );
        if (!row) {
          throw new Error('Creating the account returned nothing');
        }
        return row.account;
      });
    } catch (error) {
      if (
        error instanceof Neo4jError &&
        error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
      ) {
        throw new AccountExistsError(email);
      }
      throw error;
    }
  }

  /** The account with this e-mail address and its password hash, or null. */
  async findForSignIn(
    email: string,
  ): Promise<{ account: Account; passwordHash: string | null } | null> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ account: Account; passwordHash: string | null }>(
        await tx.run(ACCOUNT_FOR_SIGN_IN, { email: normaliseEmail(email) }),
      );
      return row ?? null;
    });
  }

  /** The account for a sign-in through the identity provider, made when missing (see above). */
  async provisionFromIdentityProvider(
    email: string,
    role: Role | null,
    now: Date = new Date(),
  ): Promise<Account> {
    return writeTransaction(this.database, async (tx) => {
      const [row] = recordsOf<{ account: Account }>(
        await tx.run(PROVISION_ACCOUNT, {
          email: normaliseEmail(email),
          role,
          id: `account-${randomUUID()}`,
          now: now.toISOString(),
        }),
      );
      if (!row) {
        throw new Error('Provisioning the account returned nothing');
      }
      return row.account;
    });
  }
}
