/**
 * The one Pothos schema builder. It defines no types: each feature adds its own in
 * `features/<feature>/<feature>.schema.ts`, and `schema.ts` assembles them.
 */
import SchemaBuilder from '@pothos/core';
import type { RequestContext } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: RequestContext;
  DefaultFieldNullability: false;
  /** Output only: before/after states in the audit trail, the current state in a conflict. */
  Scalars: { JSON: { Input: never; Output: unknown } };
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Read the consultation metro map of the OT-keskus.' });
builder.mutationType({
  description:
    'Change the network. Signed-in staff only, by role; every change is validated, version-checked and audited.',
});
