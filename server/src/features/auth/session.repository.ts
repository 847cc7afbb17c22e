/**
 * Cypher for sign-in sessions. A session is stored under the SHA-256 hash of its id, so that
 * reading the database does not hand out usable session cookies. Sessions live in Neo4j, so every
 * app instance on the same database accepts them.
 */
import {
  type Database,
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../database/neo4j-driver.ts';
import { ACCOUNT_FIELDS } from './account.repository.ts';
import type { Account } from './account.types.ts';

/** What a new session stores. */
export interface NewSession {
  idHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A stored session with its account (null when the account is gone). */
export interface StoredSession {
  account: Account | null;
  csrfToken: string;
  expiresAt: string;
  expired: boolean;
}

const CREATE_SESSION = /* cypher */ `
  MATCH (a:Account {id: $accountId})
  CREATE (s:Session {
    idHash: $idHash, accountId: a.id, csrfToken: $csrfToken,
    createdAt: datetime($createdAt), expiresAt: datetime($expiresAt)
  })
  RETURN count(s) AS created`;

const SESSION_BY_ID_HASH = /* cypher */ `
  MATCH (s:Session {idHash: $idHash})
  OPTIONAL MATCH (a:Account {id: s.accountId})
  RETURN CASE WHEN a IS NULL THEN null ELSE ${ACCOUNT_FIELDS} END AS account,
         s.csrfToken AS csrfToken,
         toString(s.expiresAt) AS expiresAt,
         s.expiresAt <= datetime($now) AS expired`;

const DELETE_SESSION = /* cypher */ `
  MATCH (s:Session {idHash: $idHash})
  DELETE s`;

/** Bounded, so that one clean-up never holds a long transaction. */
const DELETE_EXPIRED_SESSIONS = /* cypher */ `
  MATCH (s:Session) WHERE s.expiresAt <= datetime($now)
  WITH s LIMIT 1000
  DELETE s
  RETURN count(*) AS deleted`;

export class SessionRepository {
  constructor(private readonly database: Database) {}

  /** Stores a session; false when its account does not exist. */
  async create(session: NewSession): Promise<boolean> {
    return writeTransaction(this.database, async (tx) => {
      const result = await tx.run(CREATE_SESSION, {
        idHash: session.idHash,
        accountId: session.accountId,
        csrfToken: session.csrfToken,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
      });
      return result.records[0]?.get('created') === 1;
    });
  }

  /** The session stored under `idHash`, expired or not, or null. */
  async find(idHash: string, now: Date): Promise<StoredSession | null> {
    return readTransaction(this.database, async (tx) => {
      const [row] = recordsOf<StoredSession>(
        await tx.run(SESSION_BY_ID_HASH, { idHash, now: now.toISOString() }),
      );
      return row ?? null;
    });
  }

  /** Deletes the session stored under `idHash`, if any. */
  async delete(idHash: string): Promise<void> {
    await writeTransaction(this.database, (tx) => tx.run(DELETE_SESSION, { idHash }));
  }

  /** Deletes up to 1,000 expired sessions; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    return writeTransaction(this.database, async (tx) => {
      const result = await tx.run(DELETE_EXPIRED_SESSIONS, { now: now.toISOString() });
      return Number(result.records[0]?.get('deleted') ?? 0);
    });
  }
}
