/**
 * `npm run schema:print`: writes the printed schema to schema.graphql, the committed API
 * reference (a test fails when it drifts from the code).
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './graphql/schema.ts';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
console.log('Wrote schema.graphql');
