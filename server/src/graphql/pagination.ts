/**
 * Offset pagination with opaque cursors: lists of experts and organisations are small enough
 * (thousands) for offsets, and opaque cursors keep the door open for keyset paging later.
 */
import type { ArgBuilder, ObjectRef, SchemaTypes } from '@pothos/core';
import { z } from 'zod';
import { builder } from './builder.ts';
import { InvalidInputError } from './errors.ts';

type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types extends SchemaTypes>
    ? Types
    : never;

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const pageArgsSchema = z.object({
  first: z
    .number()
    .int('must be a whole number')
    .min(1, `must be between 1 and ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `must be between 1 and ${MAX_PAGE_SIZE}`)
    .nullish()
    .transform((first) => first ?? DEFAULT_PAGE_SIZE),
  after: z.string().max(100, 'is not a cursor from this API').nullish(),
});

/** The `first` and `after` arguments every paged list takes. */
export function pageArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    first: arg.int({
      defaultValue: DEFAULT_PAGE_SIZE,
      required: false,
      description: `Page size, 1-${MAX_PAGE_SIZE}.`,
    }),
    after: arg.string({ required: false, description: 'endCursor of the previous page.' }),
  };
}

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** The offset after the given cursor; 0 without one. */
export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) {
    return 0;
  }
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(decoded.slice(CURSOR_PREFIX.length));
  if (!decoded.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new InvalidInputError(
      'after: is not a cursor from this API; use pageInfo.endCursor',
      'after',
    );
  }
  return offset;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export function pageInfo(offset: number, pageLength: number, totalCount: number): PageInfo {
  const end = offset + pageLength;
  return { hasNextPage: end < totalCount, endCursor: pageLength > 0 ? encodeCursor(end) : null };
}

export const PageInfoRef = builder.objectRef<PageInfo>('PageInfo');

PageInfoRef.implement({
  description: 'Where a page is in its list.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'More items follow this page.' }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: 'Pass as `after` to get the next page; null for an empty page.',
    }),
  }),
});

/** One page of a list, as the resolvers hand it to a connection type. */
export interface Page<T> {
  nodes: T[];
  totalCount: number;
  /** How many items come before this page. */
  offset: number;
}

/** The GraphQL page type `<Name>Connection` of `nodeRef`: nodes, totalCount and pageInfo. */
export function connectionType<T>(name: string, nodeRef: ObjectRef<BuilderTypes, T>, what: string) {
  const ref = builder.objectRef<Page<T>>(`${name}Connection`);
  ref.implement({
    description: `A page of ${what}.`,
    fields: (t) => ({
      nodes: t.field({
        type: [nodeRef],
        description: `The ${what} on this page.`,
        resolve: (page) => page.nodes,
      }),
      totalCount: t.exposeInt('totalCount', { description: 'Matches on all pages.' }),
      pageInfo: t.field({
        type: PageInfoRef,
        description: 'Where this page is.',
        resolve: (page) => pageInfo(page.offset, page.nodes.length, page.totalCount),
      }),
    }),
  });
  return ref;
}
