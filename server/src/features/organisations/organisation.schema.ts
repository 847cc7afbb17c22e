/** GraphQL for organisations and research partners. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  PageInfoRef,
  pageArgsSchema,
  pageInfo,
} from '../../graphql/pagination.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { RegionRef } from '../regions/region.schema.ts';
import type { OrganisationNode } from './organisation.types.ts';

export const OrganisationRef = builder.objectRef<OrganisationNode>('Organisation');

OrganisationRef.implement({
  description:
    'An organisation experts and researchers work for: wellbeing county, hospital, university, NGO...',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier.' }),
    name: t.exposeString('name', { description: 'Official name.' }),
    sector: t.exposeString('sector', {
      description: 'SOCIAL, HEALTH, EDUCATION, POLICE, NGO, PARISH or RESEARCH.',
    }),
    researchCategory: t.exposeString('researchCategory', {
      nullable: true,
      description:
        'Set for research partners: UNIVERSITY, UNIVERSITY_HOSPITAL, RESEARCH_INSTITUTE, SOCIAL_WELFARE_CENTRE_OF_EXPERTISE or UNIVERSITY_OF_APPLIED_SCIENCES.',
    }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'Where the organisation is located.',
      resolve: (organisation, _args, context) =>
        organisation.regionCode ? context.loaders.regionByCode.load(organisation.regionCode) : null,
    }),
  }),
});

interface OrganisationConnection {
  nodes: OrganisationNode[];
  totalCount: number;
  offset: number;
}

const OrganisationConnectionRef =
  builder.objectRef<OrganisationConnection>('OrganisationConnection');

OrganisationConnectionRef.implement({
  description: 'A page of organisations.',
  fields: (t) => ({
    nodes: t.field({
      type: [OrganisationRef],
      description: 'Organisations on this page.',
      resolve: (c) => c.nodes,
    }),
    totalCount: t.exposeInt('totalCount', { description: 'Matches on all pages.' }),
    pageInfo: t.field({
      type: PageInfoRef,
      description: 'Where this page is.',
      resolve: (c) => pageInfo(c.offset, c.nodes.length, c.totalCount),
    }),
  }),
});

const organisationsArgs = pageArgsSchema.extend({
  researchPartnersOnly: z
    .boolean()
    .nullish()
    .transform((only) => only ?? false),
  sector: z
    .enum(['SOCIAL', 'HEALTH', 'EDUCATION', 'POLICE', 'NGO', 'PARISH', 'RESEARCH'])
    .nullish(),
});

builder.queryFields((t) => ({
  organisations: t.field({
    type: OrganisationConnectionRef,
    description:
      'Organisations by name, a page at a time; optionally only research partners or one sector.',
    args: {
      researchPartnersOnly: t.arg.boolean({ defaultValue: false, required: false }),
      sector: t.arg.string({
        required: false,
        description: 'SOCIAL, HEALTH, EDUCATION, POLICE, NGO, PARISH or RESEARCH.',
      }),
      first: t.arg.int({
        defaultValue: DEFAULT_PAGE_SIZE,
        required: false,
        description: 'Page size, 1-200.',
      }),
      after: t.arg.string({ required: false, description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, context) => {
      const valid = validateArgs(organisationsArgs, args);
      const offset = decodeCursor(valid.after);
      const page = await context.repositories.organisations.list(
        { researchPartnersOnly: valid.researchPartnersOnly, sector: valid.sector ?? null },
        { offset, limit: valid.first },
      );
      return { ...page, offset };
    },
  }),
  researchPartners: t.field({
    type: [OrganisationRef],
    description:
      'Research partners: universities, university hospitals, research institutes, social-welfare centres of expertise, universities of applied sciences.',
    resolve: async (_root, _args, context) =>
      (
        await context.repositories.organisations.list(
          { researchPartnersOnly: true, sector: null },
          { offset: 0, limit: 1000 },
        )
      ).nodes,
  }),
}));
