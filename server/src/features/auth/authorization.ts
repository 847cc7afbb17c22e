/**
 * Role checks for resolvers. Every refusal is a FORBIDDEN error: anonymous callers are told to
 * sign in, signed-in callers that their role does not allow it. `admin` passes every check.
 */
import type { RequestContext } from '../../graphql/context.ts';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/errors.ts';
import type { Account, Role } from './account.types.ts';

export const SIGN_IN_REQUIRED = 'Kirjaudu sisään. (Sign in first.)';
export const ROLE_NOT_ALLOWED = 'Roolisi ei salli tätä. (Your role does not allow this.)';

/**
 * The signed-in account when its role is one of `roles` (any role when none are given, and
 * admin always); otherwise throws FORBIDDEN.
 */
export function requireRole(
  context: Pick<RequestContext, 'account'>,
  ...roles: readonly Role[]
): Account {
  const { account } = context;
  if (!account) {
    throw new ForbiddenError(SIGN_IN_REQUIRED);
  }
  if (roles.length > 0 && account.role !== 'admin' && !roles.includes(account.role)) {
    throw new ForbiddenError(ROLE_NOT_ALLOWED);
  }
  return account;
}

/**
 * Like `requireRole`, but an anonymous caller gets UNAUTHENTICATED (sign in) rather than
 * FORBIDDEN, so that a client can tell "sign in" from "your role may not".
 */
export function requireSignedInRole(
  context: Pick<RequestContext, 'account'>,
  ...roles: readonly Role[]
): Account {
  if (!context.account) {
    throw new UnauthenticatedError(SIGN_IN_REQUIRED);
  }
  return requireRole(context, ...roles);
}

/** Whether `account` may edit line `lineCode`: admins every line, coordinators their own. */
export function canEditLine(account: Account | null, lineCode: string): boolean {
  if (!account) {
    return false;
  }
  if (account.role === 'admin') {
    return true;
  }
  const code = lineCode.trim().toUpperCase();
  return account.role === 'coordinator' && account.lineCodes.includes(code);
}

/** Whether `stationId` is the account holder's own Expert card, which they may correct. */
export function isOwnExpertCard(account: Account | null, stationId: string): boolean {
  return account !== null && account.expertId !== null && account.expertId === stationId;
}
