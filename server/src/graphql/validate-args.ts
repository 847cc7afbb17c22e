/**
 * Argument validation at the edge: every resolver that takes input parses it with a zod schema
 * before any query runs, and a failure names the argument and what is wrong with it.
 */
import type { z } from 'zod';
import { InvalidInputError } from './errors.ts';

/** Parses `args` with `schema`; throws InvalidInputError naming the first bad field. */
export function validateArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const result = schema.safeParse(args);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'input';
  throw new InvalidInputError(`${field}: ${issue?.message ?? 'is invalid'}`, field);
}
