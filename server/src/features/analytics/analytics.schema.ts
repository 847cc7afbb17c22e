/**
 * GraphQL for the researchers' view: centralities, bridges, overlaps, single points of failure,
 * coverage gaps and the research layer of every line. Signed-in researchers, coordinators and
 * admins only; computed once per network revision (analytics.service.ts).
 */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { requireSignedInRole } from '../auth/authorization.ts';
import type {
  CoverageCell,
  LineDependency,
  LineOverlap,
  LineResearch,
  NetworkAnalyticsResult,
  StationCentrality,
} from './analytics.types.ts';

const StationCentralityRef = builder.objectRef<StationCentrality>('StationCentrality');
StationCentralityRef.implement({
  description: 'A station of the network map and its place in the station graph.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Station id.' }),
    name: t.exposeString('name', { description: 'Name of the expert or unit.' }),
    kind: t.exposeString('kind', { description: 'EXPERT or UNIT.' }),
    lineCodes: t.exposeStringList('lineCodes', { description: 'Lines through it, in line order.' }),
    degree: t.exposeInt('degree', { description: 'Neighbouring stations along all lines.' }),
    betweenness: t.exposeFloat('betweenness', {
      description: 'Normalised betweenness centrality (0-1): how many shortest paths pass it.',
    }),
    articulationPoint: t.exposeBoolean('articulationPoint', {
      description: 'Removing this station splits the network map (a cut vertex).',
    }),
    away: t.exposeBoolean('away', { description: 'The expert is away today.' }),
  }),
});

const LineOverlapRef = builder.objectRef<LineOverlap>('LineOverlap');
LineOverlapRef.implement({
  description: 'Stations two lines share (each pair of lines once).',
  fields: (t) => ({
    lineA: t.exposeString('lineA', { description: 'Code of the first line.' }),
    lineB: t.exposeString('lineB', { description: 'Code of the second line.' }),
    sharedStations: t.exposeInt('sharedStations', { description: 'Stations on both lines.' }),
  }),
});

const SoleExpertRef = builder.objectRef<LineDependency['soleExperts'][number]>('SoleExpert');
SoleExpertRef.implement({
  description: 'An expert who is the only available station of a line in some municipalities.',
  fields: (t) => ({
    stationId: t.exposeID('stationId', { description: 'Station id of the expert.' }),
    name: t.exposeString('name', { description: 'Name of the expert.' }),
    municipalities: t.exposeInt('municipalities', {
      description: 'Municipalities where nobody else available serves the line.',
    }),
  }),
});

const LineDependencyRef = builder.objectRef<LineDependency>('LineDependency');
LineDependencyRef.implement({
  description: 'How much a line depends on single experts.',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Code of the line.' }),
    experts: t.exposeInt('experts', { description: 'Experts on the line.' }),
    availableExperts: t.exposeInt('availableExperts', {
      description: 'Experts on the line who are not away today.',
    }),
    dependsOnOneExpert: t.exposeBoolean('dependsOnOneExpert', {
      description: 'At most one available expert: the line stands or falls with one person.',
    }),
    soleExperts: t.field({
      type: [SoleExpertRef],
      description: 'Experts who alone serve the line somewhere, most municipalities first.',
      resolve: (dependency) => dependency.soleExperts,
    }),
  }),
});

const CoverageStatusEnum = builder.enumType('CoverageStatus', {
  description: 'How a line covers a region.',
  values: {
    COVERED: { description: 'An available station serves it (a county: every municipality).' },
    PARTIAL: { description: 'A county where some municipalities are covered and some not.' },
    AWAY_ONLY: { description: 'Only stations that are away today serve it.' },
    UNCOVERED: { description: 'No station of the line serves it.' },
  },
});

const CoverageRegionKindEnum = builder.enumType('CoverageRegionKind', {
  description: 'Region level of the coverage matrix.',
  values: {
    MUNICIPALITY: { description: 'Municipality (kunta).' },
    COUNTY: { description: 'Wellbeing services county (hyvinvointialue).' },
  },
});

const CoverageCellRef = builder.objectRef<CoverageCell>('CoverageCell');
CoverageCellRef.implement({
  description: 'One cell of the line x region coverage matrix.',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Code of the line.' }),
    regionCode: t.exposeString('regionCode', { description: 'Code of the region.' }),
    regionName: t.exposeString('regionName', { description: 'Finnish name of the region.' }),
    regionKind: t.field({
      type: CoverageRegionKindEnum,
      description: 'Municipality or wellbeing services county.',
      resolve: (cell) => cell.regionKind,
    }),
    status: t.field({
      type: CoverageStatusEnum,
      description: 'Covered, partly covered, only by away experts, or not at all.',
      resolve: (cell) => cell.status,
    }),
    availableStations: t.exposeInt('availableStations', {
      description: 'Available stations of the line serving the region (a county: any part).',
    }),
    awayStations: t.exposeInt('awayStations', {
      description: 'Stations of the line serving the region that are away today.',
    }),
  }),
});

const ResearchLinkRef = builder.objectRef<{ id: string; name: string }>('AnalyticsNamedLink');
ResearchLinkRef.implement({
  description: 'A researcher or research partner, by id and name.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    name: t.exposeString('name', { description: 'Name.' }),
  }),
});

const ProjectLinkRef = builder.objectRef<{ id: string; title: string }>('AnalyticsProjectLink');
ProjectLinkRef.implement({
  description: 'A research project, by id and title.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Project id.' }),
    title: t.exposeString('title', { description: 'Project title.' }),
  }),
});

const MethodUseRef = builder.objectRef<LineResearch['methods'][number]>('MethodUse');
MethodUseRef.implement({
  description: 'A method practised by experts of a line.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Method id.' }),
    name: t.exposeString('name', { description: 'Method name.' }),
    experts: t.exposeInt('experts', { description: 'Experts of the line who practise it.' }),
  }),
});

const LineResearchRef = builder.objectRef<LineResearch>('LineResearch');
LineResearchRef.implement({
  description: 'The research layer and the methods of one line.',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Code of the line.' }),
    projects: t.field({
      type: [ProjectLinkRef],
      description: 'Research projects that inform the line.',
      resolve: (line) => line.projects,
    }),
    researchers: t.field({
      type: [ResearchLinkRef],
      description: 'Researchers working on those projects.',
      resolve: (line) => line.researchers,
    }),
    partners: t.field({
      type: [ResearchLinkRef],
      description: 'Research partners conducting those projects.',
      resolve: (line) => line.partners,
    }),
    methods: t.field({
      type: [MethodUseRef],
      description: 'Methods practised by experts of the line, most common first.',
      resolve: (line) => line.methods,
    }),
  }),
});

const limitArgs = z.object({ limit: z.number().int().min(1).max(10_000) });

const NetworkAnalyticsRef = builder.objectRef<NetworkAnalyticsResult>('NetworkAnalytics');
NetworkAnalyticsRef.implement({
  description:
    'Analytics of the whole network, computed once per network revision (and day, which decides who is away).',
  fields: (t) => ({
    revision: t.exposeInt('revision', { description: 'The network revision computed from.' }),
    today: t.exposeString('today', { description: 'The date that decided who is away.' }),
    computedAt: t.exposeString('computedAt', { description: 'When (ISO date-time, UTC).' }),
    stationCount: t.exposeInt('stationCount', { description: 'Stations of the network map.' }),
    edgeCount: t.exposeInt('edgeCount', {
      description: 'Edges of the station graph: pairs of stations next to each other on a line.',
    }),
    lineCodes: t.exposeStringList('lineCodes', { description: 'Active lines, in line order.' }),
    betweennessExact: t.exposeBoolean('betweennessExact', {
      description:
        'Whether betweenness is exact. Right after a change of a network of more than 1,000 stations it is first estimated from a sample of source stations (within a few per cent), and exact a few seconds later.',
    }),
    betweennessSources: t.exposeInt('betweennessSources', {
      description: 'How many stations betweenness was counted from: every station when exact.',
    }),
    centralStations: t.field({
      type: [StationCentralityRef],
      description: 'Stations by betweenness centrality, highest first.',
      args: { limit: t.arg.int({ defaultValue: 50, description: '1-10000.' }) },
      resolve: (result, args) => {
        const { limit } = validateArgs(limitArgs, args);
        return result.stations.slice(0, limit);
      },
    }),
    bridgeStations: t.field({
      type: [StationCentralityRef],
      description: 'Stations that bridge lines (interchanges), by betweenness, highest first.',
      args: { limit: t.arg.int({ defaultValue: 50, description: '1-10000.' }) },
      resolve: (result, args) => {
        const { limit } = validateArgs(limitArgs, args);
        return result.stations.filter((station) => station.lineCodes.length > 1).slice(0, limit);
      },
    }),
    articulationPoints: t.field({
      type: [StationCentralityRef],
      description: 'Stations whose removal splits the network map: single points of failure.',
      resolve: (result) => result.stations.filter((station) => station.articulationPoint),
    }),
    lineOverlaps: t.field({
      type: [LineOverlapRef],
      description: 'Shared stations of every pair of lines.',
      resolve: (result) => result.overlaps,
    }),
    lineDependencies: t.field({
      type: [LineDependencyRef],
      description: 'Lines that depend on one expert, and who they depend on.',
      resolve: (result) => result.dependencies,
    }),
    coverage: t.field({
      type: [CoverageCellRef],
      description:
        'The line x region coverage matrix of the centre’s area: the cooperation areas where stations of the network serve.',
      args: {
        regionKind: t.arg({
          type: CoverageRegionKindEnum,
          defaultValue: 'MUNICIPALITY',
          description: 'Municipalities or wellbeing services counties.',
        }),
        gapsOnly: t.arg.boolean({
          defaultValue: false,
          description: 'Only cells that are not fully covered.',
        }),
      },
      resolve: (result, args) =>
        result.coverage.filter(
          (cell) =>
            cell.regionKind === args.regionKind && (!args.gapsOnly || cell.status !== 'COVERED'),
        ),
    }),
    lineResearch: t.field({
      type: [LineResearchRef],
      description: 'Research projects, researchers, partners and methods of every line.',
      resolve: (result) => result.research,
    }),
    linesWithoutResearch: t.exposeStringList('linesWithoutResearch', {
      description: 'Codes of lines that no research project informs.',
    }),
  }),
});

builder.queryField('networkAnalytics', (t) =>
  t.field({
    type: NetworkAnalyticsRef,
    description:
      'Analytics of the whole network for researchers, coordinators and admins: anonymous callers get UNAUTHENTICATED, other roles FORBIDDEN.',
    resolve: (_root, _args, context) => {
      requireSignedInRole(context, 'researcher', 'coordinator');
      return context.analytics.current(context.today);
    },
  }),
);
