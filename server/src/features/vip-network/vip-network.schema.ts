/** GraphQL for the VIP network layer. */
import { builder } from '../../graphql/builder.ts';
import { LineRef } from '../lines/line.schema.ts';
import { RegionRef } from '../regions/region.schema.ts';
import type { VipNetworkNode } from './vip-network.types.ts';

export const VipNetworkRef = builder.objectRef<VipNetworkNode>('VipNetwork');

VipNetworkRef.implement({
  description:
    'An education-side VIP network (networks for demanding special support in education): a map layer that can be switched on. Not the "VIP clients" of line L7.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier.' }),
    name: t.exposeString('name', { description: 'Name of the network.' }),
    description: t.exposeString('description', { nullable: true, description: 'What it does.' }),
    regions: t.field({
      type: [RegionRef],
      description: 'Regions it covers.',
      resolve: (network, _args, context) => context.loaders.regionsOf.load(network.id),
    }),
    lines: t.field({
      type: [LineRef],
      description: 'Lines it links to.',
      resolve: (network, _args, context) => context.loaders.linesOf.load(network.id),
    }),
  }),
});

builder.queryFields((t) => ({
  vipNetworks: t.field({
    type: [VipNetworkRef],
    description: 'The VIP network layer.',
    resolve: (_root, _args, context) => context.repositories.vipNetworks.list(),
  }),
}));
