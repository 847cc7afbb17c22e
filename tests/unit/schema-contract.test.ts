/** The printed schema is committed and must match the code, and keep the public contract. */
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../server/src/graphql/schema.ts';

const printed = new URL('../../schema.graphql', import.meta.url);
const contract = new URL('../../../shared/contract.graphql', import.meta.url);

describe('GraphQL schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:print` after changing it)', () => {
    expect(readFileSync(printed, 'utf8')).toBe(`${printSchema(schema)}\n`);
  });

  it('keeps every type, field and argument of ../shared/contract.graphql', () => {
    expect(existsSync(contract), 'the contract is at ../shared/contract.graphql').toBe(true);
    const changes = findBreakingChanges(buildSchema(readFileSync(contract, 'utf8')), schema);
    expect(changes.map((change) => change.description)).toEqual([]);
  });

  it('documents every type and field', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      ) {
        continue;
      }
      if (!type.description) {
        undocumented.push(type.name);
      }
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) {
            undocumented.push(`${type.name}.${field.name}`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
