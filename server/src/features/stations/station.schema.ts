/** GraphQL for stations: individual experts and fixed units on the lines. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { requireLine, requireRegion } from '../../graphql/known-codes.ts';
import {
  connectionType,
  decodeCursor,
  pageArgs,
  pageArgsSchema,
} from '../../graphql/pagination.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { LineRef } from '../lines/line.schema.ts';
import { MethodRef } from '../methods/method.schema.ts';
import { OrganisationRef } from '../organisations/organisation.schema.ts';
import { RegionRef } from '../regions/region.schema.ts';
import type { StationNode } from './station.types.ts';

export const SERVICE_LEVELS = ['BASIC', 'SPECIAL', 'DEMANDING', 'NATIONAL'] as const;
export const CHANNELS = [
  'PHONE',
  'VIDEO',
  'CHAT',
  'EMAIL',
  'ON_SITE',
  'NETWORK_MEETING',
  'WORK_PAIR',
] as const;

export const ServiceLevelEnum = builder.enumType('ServiceLevel', {
  description: 'perustaso, erityistaso, vaativa erityistaso (OT-taso), kansallinen',
  values: {
    BASIC: { description: 'perustaso (basic level)' },
    SPECIAL: { description: 'erityistaso (special level)' },
    DEMANDING: { description: 'vaativa erityistaso, OT-taso (demanding special level)' },
    NATIONAL: { description: 'kansallinen (national level)' },
  },
});

export const ChannelEnum = builder.enumType('Channel', {
  description: 'How a consultation can take place.',
  values: {
    PHONE: { description: 'puhelin' },
    VIDEO: { description: 'videoyhteys' },
    CHAT: { description: 'chat' },
    EMAIL: { description: 'sähköposti (no client data in e-mail)' },
    ON_SITE: { description: 'käynti paikan päällä (the expert comes to the field: jalkautuminen)' },
    NETWORK_MEETING: { description: 'verkostokokous (network meeting)' },
    WORK_PAIR: { description: 'työpari (works as a pair with the worker)' },
  },
});

/** Whether an expert is at work on `today`: not away, or back by then. */
export function isAvailable(station: Pick<StationNode, 'awayUntil'>, today: string): boolean {
  return station.awayUntil === null || station.awayUntil <= today;
}

interface ContactDetails {
  email: string | null;
  phone: string | null;
}

const ContactDetailsRef = builder.objectRef<ContactDetails>('ContactDetails');

ContactDetailsRef.implement({
  description:
    'How to reach a station. Personal data: shown to signed-in staff, or when the card is public.',
  fields: (t) => ({
    email: t.exposeString('email', { nullable: true, description: 'Work e-mail.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Work phone.' }),
  }),
});

const PinnedPositionRef = builder.objectRef<{ x: number; y: number }>('MapPosition');

PinnedPositionRef.implement({
  description: 'A position on the metro map, in map units.',
  fields: (t) => ({
    x: t.exposeFloat('x', { description: 'Horizontal position.' }),
    y: t.exposeFloat('y', { description: 'Vertical position.' }),
  }),
});

export const StationRef = builder.interfaceRef<StationNode>('Station');

StationRef.implement({
  description:
    'A stop on the metro map: an individual expert or a fixed unit. On several lines it is an interchange.',
  resolveType: (station) => (station.kind === 'UNIT' ? 'Unit' : 'Expert'),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier.' }),
    name: t.exposeString('name', { description: 'Name of the expert or unit.' }),
    version: t.exposeInt('version', {
      description: 'Incremented by every edit of the station; pass it as `expectedVersion`.',
    }),
    pinnedPosition: t.field({
      type: PinnedPositionRef,
      nullable: true,
      description: 'Map position pinned by a coordinator (kept by every re-layout); null if none.',
      resolve: (station) =>
        typeof station.pinnedX === 'number' && typeof station.pinnedY === 'number'
          ? { x: station.pinnedX, y: station.pinnedY }
          : null,
    }),
    lines: t.field({
      type: [LineRef],
      description: 'Lines the station is on, in code order.',
      resolve: (station, _args, context) => context.loaders.linesOfStation.load(station.id),
    }),
    interchange: t.boolean({
      description: 'True when the station is on two or more lines.',
      resolve: async (station, _args, context) =>
        (await context.loaders.linesOfStation.load(station.id)).length > 1,
    }),
    channels: t.field({
      type: [ChannelEnum],
      description: 'Consultation channels the station offers.',
      resolve: (station) =>
        station.channels.filter((c): c is (typeof CHANNELS)[number] =>
          (CHANNELS as readonly string[]).includes(c),
        ),
    }),
    regions: t.field({
      type: [RegionRef],
      description: 'Regions the station serves (a county or area covers its municipalities).',
      resolve: (station, _args, context) => context.loaders.regionsOf.load(station.id),
    }),
    organisation: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'Employer or host organisation.',
      resolve: (station, _args, context) => context.loaders.organisationOf.load(station.id),
    }),
    contact: t.field({
      type: ContactDetailsRef,
      nullable: true,
      description: 'Contact details: null for anonymous callers unless the card is public.',
      resolve: (station, _args, context) =>
        context.signedIn || station.publicCard
          ? { email: station.email, phone: station.phone }
          : null,
    }),
  }),
});

export const ExpertRef = builder.objectRef<StationNode>('Expert');

ExpertRef.implement({
  description:
    'An individual expert (fictional in the demo graph) who gives part of their time to OT work.',
  interfaces: [StationRef],
  isTypeOf: (station) => (station as StationNode).kind === 'EXPERT',
  fields: (t) => ({
    title: t.string({ description: 'Job title and speciality.', resolve: (e) => e.title ?? '' }),
    serviceLevel: t.field({
      type: ServiceLevelEnum,
      description: 'Service level the expert works at.',
      resolve: (e) =>
        (SERVICE_LEVELS as readonly string[]).includes(e.serviceLevel ?? '')
          ? (e.serviceLevel as (typeof SERVICE_LEVELS)[number])
          : 'SPECIAL',
    }),
    languages: t.exposeStringList('languages', {
      description: 'ISO 639-1 codes, plus fse for Finnish Sign Language.',
    }),
    available: t.boolean({
      description: 'True when the expert is at work today (not away).',
      resolve: (e, _args, context) => isAvailable(e, context.today),
    }),
    awayUntil: t.string({
      nullable: true,
      description: 'ISO date (YYYY-MM-DD) when an away expert is back, else null.',
      resolve: (e, _args, context) => (isAvailable(e, context.today) ? null : e.awayUntil),
    }),
    otShare: t.float({
      description: 'Share of working time given to OT work, 0-1 (1 = full-time coordinator).',
      resolve: (e) => e.otShare ?? 0,
    }),
    methods: t.field({
      type: [MethodRef],
      description: 'Evidence-based methods the expert is trained in.',
      resolve: (e, _args, context) => context.loaders.methodsOfExpert.load(e.id),
    }),
    verifiedOn: t.exposeString('verifiedOn', {
      nullable: true,
      description: 'ISO date the card was last checked.',
    }),
    publicCard: t.exposeBoolean('publicCard', {
      description:
        'Whether the expert has made their card public: contact details shown to anonymous users too.',
    }),
  }),
});

export const UnitRef = builder.objectRef<StationNode>('Unit');

UnitRef.implement({
  description:
    'A fixed unit or team as a station, e.g. the child and adolescent forensic psychiatry unit.',
  interfaces: [StationRef],
  isTypeOf: (station) => (station as StationNode).kind === 'UNIT',
  fields: (t) => ({
    description: t.exposeString('description', {
      nullable: true,
      description: 'What the unit does.',
    }),
  }),
});

const ExpertConnectionRef = connectionType<StationNode>('Expert', ExpertRef, 'experts, by name');

const ExpertFilterInput = builder.inputType('ExpertFilter', {
  description: 'Filters of the expert list, combined with AND.',
  fields: (t) => ({
    lineCode: t.string({ description: 'Only experts on this line (L1...).' }),
    regionCode: t.string({
      description: 'Only experts serving this region: a municipality code, county or area code.',
    }),
    language: t.string({ description: 'ISO 639-1 code or fse.' }),
    serviceLevel: t.field({ type: ServiceLevelEnum, description: 'Only experts at this level.' }),
    methodId: t.string({ description: 'Only experts trained in this method.' }),
    channel: t.field({ type: ChannelEnum, description: 'Only experts offering this channel.' }),
    available: t.boolean({ description: 'true: at work today; false: away today.' }),
  }),
});

const expertsArgs = pageArgsSchema.extend({
  filter: z
    .object({
      lineCode: z
        .string()
        .regex(/^L\d{1,3}$/i, 'must be a line code such as L8')
        .nullish(),
      regionCode: z.string().min(1).max(20, 'is too long for a region code').nullish(),
      language: z
        .string()
        .regex(/^([a-z]{2}|fse)$/, 'must be an ISO 639-1 code or fse')
        .nullish(),
      serviceLevel: z.enum(SERVICE_LEVELS).nullish(),
      methodId: z.string().min(1).max(80).nullish(),
      channel: z.enum(CHANNELS).nullish(),
      available: z.boolean().nullish(),
    })
    .nullish(),
});

builder.queryFields((t) => ({
  station: t.field({
    type: StationRef,
    nullable: true,
    description: 'One station (expert or unit) by id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => context.loaders.stationById.load(String(id).slice(0, 200)),
  }),
  experts: t.field({
    type: ExpertConnectionRef,
    description: 'Experts by name, filtered, a page at a time.',
    args: {
      filter: t.arg({ type: ExpertFilterInput, required: false }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context) => {
      const valid = validateArgs(expertsArgs, args);
      const offset = decodeCursor(valid.after);
      const filter = valid.filter ?? {};
      const lineCode = filter.lineCode?.toUpperCase();
      if (lineCode) {
        await requireLine(context, lineCode, 'filter.lineCode');
      }
      if (filter.regionCode) {
        await requireRegion(context, filter.regionCode, 'filter.regionCode');
      }
      const page = await context.repositories.stations.listExperts(
        {
          lineCode,
          regionCode: filter.regionCode ?? undefined,
          language: filter.language ?? undefined,
          serviceLevel: filter.serviceLevel ?? undefined,
          methodId: filter.methodId ?? undefined,
          channel: filter.channel ?? undefined,
          available: filter.available ?? undefined,
        },
        { offset, limit: valid.first },
        context.today,
      );
      for (const expert of page.nodes) {
        context.loaders.linesOfStation.prime(expert.id, expert.lines);
      }
      return { ...page, offset };
    },
  }),
}));
