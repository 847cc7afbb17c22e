/** Accounts and sessions as the repositories return them: plain values, no GraphQL. */

/** What an account may do; `admin` passes every role check. */
export const ROLES = ['viewer', 'coordinator', 'researcher', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** A signed-in person as requests see them: never the password hash. */
export interface Account {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  role: Role;
  /** The Expert station of this person, whose card they may correct; null when none. */
  expertId: string | null;
  /** Lines a coordinator coordinates (codes such as L3); empty for other roles. */
  lineCodes: string[];
}

/** What `user:add` stores. */
export interface NewAccount {
  email: string;
  role: Role;
  passwordHash: string;
  expertId: string | null;
  lineCodes: string[];
}

/** A live session: its account as it is now, and the CSRF token of the session. */
export interface ActiveSession {
  account: Account;
  csrfToken: string;
  /** ISO date-time. */
  expiresAt: string;
}

/** Thrown by `AccountRepository.create` when the e-mail address already has an account. */
export class AccountExistsError extends Error {
  constructor(email: string) {
    super(`An account with the e-mail address ${email} already exists.`);
    this.name = 'AccountExistsError';
  }
}
