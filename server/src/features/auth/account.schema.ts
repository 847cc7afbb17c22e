/** GraphQL for the signed-in account. Signing in and out is REST: see auth-routes.ts. */
import { builder } from '../../graphql/builder.ts';
import type { Account } from './account.types.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'What an account may do.',
  values: {
    VIEWER: { value: 'viewer', description: 'Reads the map (basic- and special-level workers).' },
    COORDINATOR: {
      value: 'coordinator',
      description: 'Edits the lines they coordinate and the stations on them.',
    },
    RESEARCHER: { value: 'researcher', description: 'Reads the map, analytics and exports.' },
    ADMIN: { value: 'admin', description: 'Everything, including accounts.' },
  } as const,
});

export const AccountRef = builder.objectRef<Account>('Account');

AccountRef.implement({
  description: 'A signed-in person.',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'E-mail address, lower-cased.' }),
    role: t.field({ type: RoleEnum, description: 'Role of the account.', resolve: (a) => a.role }),
    lineCodes: t.exposeStringList('lineCodes', {
      description: 'Codes of the lines a coordinator coordinates (L1-L10); empty for other roles.',
    }),
    expertId: t.exposeID('expertId', {
      nullable: true,
      description: 'The Expert station of this person, whose card they may correct; else null.',
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    type: AccountRef,
    nullable: true,
    description: 'The signed-in account; null when signed out.',
    resolve: (_root, _args, context) => context.account,
  }),
);
