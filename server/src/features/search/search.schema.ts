/** GraphQL for full-text search. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { LangEnum } from '../../graphql/lang.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import type { SearchHitRow } from './search.types.ts';
import { buildSearchQueries } from './search-query.ts';

const SearchHitRef = builder.objectRef<SearchHitRow>('SearchHit');

SearchHitRef.implement({
  description: 'One search result.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Relevance; higher is better.' }),
    kind: t.exposeString('kind', {
      description: 'LINE, EXPERT, UNIT, ORGANISATION, METHOD, RESEARCH_PROJECT or VIP_NETWORK.',
    }),
    id: t.exposeID('id', {
      description: 'Id of the node found (for lines the line id; `line(code)` takes its code).',
    }),
    label: t.exposeString('label', {
      description: 'What to show: the name, or the code and name of a line.',
    }),
  }),
});

const searchArgs = z.object({
  text: z.string().max(200, 'must be at most 200 characters'),
  lang: z
    .enum(['FI', 'SV', 'EN'])
    .nullish()
    .transform((lang) => lang ?? 'FI'),
  first: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be between 1 and 100')
    .max(100, 'must be between 1 and 100')
    .nullish()
    .transform((first) => first ?? 20),
});

builder.queryFields((t) => ({
  search: t.field({
    type: [SearchHitRef],
    description:
      'Full-text search over lines, stations, organisations and methods; Finnish inflections and missing diacritics still match.',
    args: {
      text: t.arg.string({
        required: true,
        description: 'What to look for, up to 200 characters.',
      }),
      lang: t.arg({ type: LangEnum, defaultValue: 'FI', required: false }),
      first: t.arg.int({ defaultValue: 20, required: false, description: 'How many hits, 1-100.' }),
    },
    resolve: (_root, args, context) => {
      const valid = validateArgs(searchArgs, args);
      const queries = buildSearchQueries(valid.text);
      return queries ? context.repositories.search.search(queries, valid.lang, valid.first) : [];
    },
  }),
}));
