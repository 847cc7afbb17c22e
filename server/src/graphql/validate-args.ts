/**
 * Argument validation at the edge: every resolver that takes input parses it with a zod schema
 * before any query runs, and a failure names the argument and what is wrong with it.
 */
import type { z } from 'zod';
import { InvalidInputError } from './errors.ts';

/**
 * Parses `args` with `schema`; throws InvalidInputError naming the first bad field in its
 * message and listing every bad field in `extensions.problems`.
 */
export function validateArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const result = schema.safeParse(args);
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'input';
    return { field, message: `${field}: ${issue.message}` };
  });
  const [first] = problems;
  throw new InvalidInputError(
    first?.message ?? 'input: is invalid',
    first?.field ?? 'input',
    problems,
  );
}
