/**
 * What the editors' forms share: the ids that tie a field to its hint and its problem
 * (aria-describedby), and the server's per-field problems out of an INVALID_INPUT error.
 */
import { GraphQLRequestError } from './graphql-client.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

/** The id of a field's problem text: `<form>-<field>-problem`. */
export function problemId(form: string, field: string): string {
  return `${form}-${field}-problem`;
}

/** A field's aria-describedby: its hint, and its problem while it has one. */
export function describedBy(
  form: string,
  field: string,
  hasProblem: boolean,
  hint?: string,
): string | undefined {
  const ids = [hint, hasProblem ? problemId(form, field) : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The per-field problems of an INVALID_INPUT error; one without a field list becomes one problem
 * with its message, so that nothing the server said is lost.
 */
export function inputProblems(error: unknown): FieldProblem[] {
  const listed =
    error instanceof GraphQLRequestError
      ? ((error.extensions.problems as FieldProblem[] | undefined) ?? [])
      : [];
  return listed.length > 0
    ? listed
    : [{ field: '', message: error instanceof Error ? error.message : String(error) }];
}
