/** GraphQL for evidence-based methods. */
import { builder } from '../../graphql/builder.ts';
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

builder.queryFields((t) => ({
  methods: t.field({
    type: [MethodRef],
    description: 'All methods, by name.',
    resolve: (_root, _args, context) => context.repositories.methods.list(),
  }),
}));
