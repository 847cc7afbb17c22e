/**
 * Checks that codes a caller passes (line codes, region codes) name something in the graph, so a
 * typo gets a clear error instead of a silently empty answer.
 */
import type { RequestContext } from './context.ts';
import { InvalidInputError } from './errors.ts';

/** Throws INVALID_INPUT naming `field` when there is no line with this code. */
export async function requireLine(
  context: RequestContext,
  code: string,
  field: string,
): Promise<void> {
  if (!(await context.loaders.lineByCode.load(code))) {
    throw new InvalidInputError(`${field}: there is no line ${code}; lines are L1-L10`, field);
  }
}

/** Throws INVALID_INPUT naming `field` when there is no region with this code. */
export async function requireRegion(
  context: RequestContext,
  code: string,
  field: string,
): Promise<void> {
  if (!(await context.loaders.regionByCode.load(code))) {
    throw new InvalidInputError(
      `${field}: there is no region ${code}; use a municipality code (837), county code or area code`,
      field,
    );
  }
}
