/** GraphQL for regions: municipality -> wellbeing services county -> cooperation area -> country. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { LangEnum } from '../../graphql/lang.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import type { RegionNode } from './region.types.ts';

export const RegionKindEnum = builder.enumType('RegionKind', {
  description: 'Level of a region.',
  values: {
    MUNICIPALITY: { description: 'kunta' },
    COUNTY: { description: 'hyvinvointialue (wellbeing services county)' },
    AREA: { description: 'yhteistyöalue: the catchment of one OT-keskus (cooperation area)' },
    COUNTRY: { description: 'the whole country' },
  },
});

export const RegionRef = builder.objectRef<RegionNode>('Region');

RegionRef.implement({
  description: 'A municipality, wellbeing services county, cooperation area or the whole country.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'Statistics Finland municipality code (e.g. 837), county code (HV08), area code (YTA-...) or FI.',
    }),
    name: t.string({
      description: 'Name in Finnish, or in Swedish when asked and one exists.',
      args: { lang: t.arg({ type: LangEnum, defaultValue: 'FI', required: false }) },
      resolve: (region, { lang }) => (lang === 'SV' && region.nameSv ? region.nameSv : region.name),
    }),
    kind: t.field({
      type: RegionKindEnum,
      description: 'Level of the region.',
      resolve: (r) => r.kind,
    }),
    parent: t.field({
      type: RegionRef,
      nullable: true,
      description: 'The region this one is part of; null for the country.',
      resolve: (region, _args, context) =>
        region.parentCode ? context.loaders.regionByCode.load(region.parentCode) : null,
    }),
  }),
});

const regionsArgs = z.object({
  kind: z.enum(['MUNICIPALITY', 'COUNTY', 'AREA', 'COUNTRY']).nullish(),
});

builder.queryFields((t) => ({
  regions: t.field({
    type: [RegionRef],
    description: 'Regions, from the country down to municipalities, optionally of one kind.',
    args: { kind: t.arg({ type: RegionKindEnum, required: false }) },
    resolve: (_root, args, context) =>
      context.repositories.regions.list(validateArgs(regionsArgs, args).kind ?? null),
  }),
}));
