/** GraphQL for evidence-based methods. */
import { builder } from '../../graphql/builder.ts';
import {
  connectionType,
  decodeCursor,
  pageArgs,
  pageArgsSchema,
} from '../../graphql/pagination.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import type { MethodNode } from './method.types.ts';

export const MethodRef = builder.objectRef<MethodNode>('Method');

MethodRef.implement({
  description:
    'An evidence-based method experts can be trained in (IPC, MDFT, Lapset puheeksi...).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier.' }),
    name: t.exposeString('name', { description: 'Name of the method.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'What it is, in Finnish.',
    }),
  }),
});

const MethodConnectionRef = connectionType<MethodNode>('Method', MethodRef, 'methods, by name');

builder.queryFields((t) => ({
  methods: t.field({
    type: MethodConnectionRef,
    description: 'Evidence-based methods, by name, a page at a time.',
    args: {
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context) => {
      const valid = validateArgs(pageArgsSchema, args);
      const offset = decodeCursor(valid.after);
      return {
        ...(await context.repositories.methods.list({ offset, limit: valid.first })),
        offset,
      };
    },
  }),
}));
