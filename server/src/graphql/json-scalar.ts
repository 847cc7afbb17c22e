/** The JSON scalar: structured values (audit before/after states) handed to clients as they are. */
import { builder } from './builder.ts';
import { InvalidInputError } from './errors.ts';

export const JsonScalar = builder.scalarType('JSON', {
  description: 'A JSON value (object, array, string, number, boolean or null). Output only.',
  serialize: (value) => value,
  parseValue: () => {
    throw new InvalidInputError('JSON values are not accepted as input', 'input');
  },
});
