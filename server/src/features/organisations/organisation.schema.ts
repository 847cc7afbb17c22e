/** GraphQL for organisations and research partners. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import {
  connectionType,
  decodeCursor,
  pageArgs,
  pageArgsSchema,
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

const OrganisationConnectionRef = connectionType<OrganisationNode>(
  'Organisation',
  OrganisationRef,
  'organisations',
);

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
      ...pageArgs(t.arg),
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
    type: OrganisationConnectionRef,
    description:
      'Research partners: universities, university hospitals, research institutes, social-welfare centres of expertise, universities of applied sciences; a page at a time.',
    args: {
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context) => {
      const valid = validateArgs(pageArgsSchema, args);
      const offset = decodeCursor(valid.after);
      const page = await context.repositories.organisations.list(
        { researchPartnersOnly: true, sector: null },
        { offset, limit: valid.first },
      );
      return { ...page, offset };
    },
  }),
}));
