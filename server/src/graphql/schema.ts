/** Assembles the GraphQL schema from the feature files. */
import { builder } from './builder.ts';
import './lang.ts';
import '../features/lines/line.schema.ts';

export const schema = builder.toSchema({ sortSchema: false });
