/** GraphQL for the research layer: projects and researchers attached to lines. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { requireLine } from '../../graphql/known-codes.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { LineRef } from '../lines/line.schema.ts';
import { OrganisationRef } from '../organisations/organisation.schema.ts';
import type { ResearcherNode, ResearchProjectNode } from './research.types.ts';

export const ResearcherRef = builder.objectRef<ResearcherNode>('Researcher');

ResearcherRef.implement({
  description: 'A researcher or developer attached to the map (fictional in the demo graph).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    title: t.exposeString('title', { description: 'Title, e.g. väitöskirjatutkija.' }),
    doublePost: t.exposeBoolean('doublePost', {
      description:
        'Kaksoisvirka: a doctoral candidate or specialising worker researching OT themes.',
    }),
    organisation: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'Affiliation.',
      resolve: (researcher, _args, context) => context.loaders.organisationOf.load(researcher.id),
    }),
  }),
});

export const ResearchProjectRef = builder.objectRef<ResearchProjectNode>('ResearchProject');

ResearchProjectRef.implement({
  description: 'A research or development project that informs one or more lines.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier.' }),
    title: t.exposeString('title', { description: 'Title, in Finnish.' }),
    startYear: t.exposeInt('startYear', { description: 'Year the project started.' }),
    endYear: t.exposeInt('endYear', {
      nullable: true,
      description: 'Year it ended; null while it runs.',
    }),
    organisation: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The research partner conducting it.',
      resolve: (project, _args, context) => context.loaders.organisationOf.load(project.id),
    }),
    researchers: t.field({
      type: [ResearcherRef],
      description: 'Researchers working on it.',
      resolve: (project, _args, context) => context.loaders.researchersOfProject.load(project.id),
    }),
    lines: t.field({
      type: [LineRef],
      description: 'Lines the project informs.',
      resolve: (project, _args, context) => context.loaders.linesOf.load(project.id),
    }),
  }),
});

const projectsArgs = z.object({
  lineCode: z
    .string()
    .regex(/^L\d{1,3}$/i, 'must be a line code such as L8')
    .nullish(),
  organisationId: z.string().min(1).max(80).nullish(),
});

builder.queryFields((t) => ({
  researchProjects: t.field({
    type: [ResearchProjectRef],
    description:
      'Research projects, newest first; optionally those informing one line or run by one organisation.',
    args: {
      lineCode: t.arg.string({ required: false }),
      organisationId: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, context) => {
      const valid = validateArgs(projectsArgs, args);
      const lineCode = valid.lineCode?.toUpperCase() ?? null;
      if (lineCode) {
        await requireLine(context, lineCode, 'lineCode');
      }
      return context.repositories.research.listProjects({
        lineCode,
        organisationId: valid.organisationId ?? null,
      });
    },
  }),
}));
