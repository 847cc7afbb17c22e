/** GraphQL for routing a case: the consultation journey planner. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { LangEnum } from '../../graphql/lang.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { LineRef } from '../lines/line.schema.ts';
import { CHANNELS, ChannelEnum, StationRef } from '../stations/station.schema.ts';
import {
  type ItineraryResult,
  type LineMatchResult,
  type RoutePlanResult,
  type RouteStopResult,
  routeCase,
} from './route-case.ts';

export const UrgencyEnum = builder.enumType('Urgency', {
  description: 'How soon consultation is needed.',
  values: {
    ACUTE: { description: 'Now: someone may be in danger.' },
    SOON: { description: 'Within days.' },
    ROUTINE: { description: 'When convenient.' },
  },
});

const RouteStopRef = builder.objectRef<RouteStopResult>('RouteStop');

RouteStopRef.implement({
  description: 'One stop of an itinerary: a station on a line.',
  fields: (t) => ({
    line: t.field({ type: LineRef, description: 'Line to board.', resolve: (s) => s.line }),
    station: t.field({
      type: StationRef,
      description: 'Station to consult.',
      resolve: (s) => s.station,
    }),
    reasons: t.exposeStringList('reasons', {
      description: 'Why this station: matched lines, region, language, availability, channel.',
    }),
    reasonCodes: t.exposeStringList('reasonCodes', {
      description:
        'The same reasons as codes (COVERS_LINES:L8,L3, SAME_COUNTY, SPEAKS:ar, AWAY_UNTIL:2026-12-01...).',
    }),
  }),
});

const ItineraryRef = builder.objectRef<ItineraryResult>('Itinerary');

ItineraryRef.implement({
  description: 'One way to get consultation, best first.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Higher is better, 0-1.' }),
    stops: t.field({
      type: [RouteStopRef],
      description: 'Stops in order.',
      resolve: (i) => i.stops,
    }),
    explanation: t.exposeString('explanation', {
      description: 'Plain-language explanation of why this route.',
    }),
    transfer: t.exposeBoolean('transfer', {
      description: 'The case spans lines no single station covers: consult more than one station.',
    }),
    fallback: t.exposeBoolean('fallback', {
      description:
        "A stop comes from the fallback ladder: the line's coordinator, its unit, or another area.",
    }),
  }),
});

const LineMatchRef = builder.objectRef<LineMatchResult>('LineMatch');

LineMatchRef.implement({
  description: 'A line the description matched or the worker picked.',
  fields: (t) => ({
    line: t.field({ type: LineRef, description: 'The line.', resolve: (m) => m.line }),
    score: t.exposeFloat('score', {
      description: 'How well the description matched, 0-1 (picked lines: 1).',
    }),
    matchedTerms: t.exposeStringList('matchedTerms', {
      description:
        "The line's own keywords or names that matched (never words of the description).",
    }),
    picked: t.exposeBoolean('picked', { description: 'The worker picked this line.' }),
  }),
});

const RoutePlanRef = builder.objectRef<RoutePlanResult>('RoutePlan');

RoutePlanRef.implement({
  description: 'The answer to a consultation need.',
  fields: (t) => ({
    matchedLines: t.field({
      type: [LineRef],
      description: 'Best first: the lines the itineraries serve.',
      resolve: (p) => p.matchedLines,
    }),
    lineMatches: t.field({
      type: [LineMatchRef],
      description:
        'Every line picked or matched, best first, also weak matches that were not routed.',
      resolve: (p) => p.lineMatches,
    }),
    itineraries: t.field({
      type: [ItineraryRef],
      description: 'Best first, at most 3.',
      resolve: (p) => p.itineraries,
    }),
    emergencyNotice: t.exposeString('emergencyNotice', {
      nullable: true,
      description: 'Set when urgency is ACUTE: what to do right now, before any consultation.',
    }),
    notice: t.exposeString('notice', {
      nullable: true,
      description: 'Set when no line was recognised: what to do instead (pick a line).',
    }),
  }),
});

const CaseInputRef = builder.inputType('CaseInput', {
  description: 'A consultation need. Anonymous: nothing of it is stored or logged.',
  fields: (t) => ({
    text: t.string({ description: 'Free description of the concern. Processed in memory only.' }),
    lineCodes: t.stringList({ description: 'Lines the worker picked.' }),
    municipality: t.string({
      description: 'Name or code of the municipality where the worker works.',
    }),
    languages: t.stringList({ description: 'Languages the family needs (ISO 639-1, fse).' }),
    urgency: t.field({
      type: UrgencyEnum,
      defaultValue: 'ROUTINE',
      description: 'How soon consultation is needed.',
    }),
    channels: t.field({
      type: [ChannelEnum],
      description: 'Consultation channels the worker prefers.',
    }),
  }),
});

export const caseInputSchema = z.object({
  text: z.string().max(4000, 'must be at most 4000 characters').nullish(),
  lineCodes: z
    .array(z.string().regex(/^L\d{1,3}$/i, 'must be line codes such as L8'))
    .max(20)
    .nullish(),
  municipality: z.string().max(80, 'must be at most 80 characters').nullish(),
  languages: z
    .array(z.string().regex(/^([a-z]{2}|fse)$/, 'must be ISO 639-1 codes or fse'))
    .max(10)
    .nullish(),
  urgency: z.enum(['ACUTE', 'SOON', 'ROUTINE']).nullish(),
  channels: z.array(z.enum(CHANNELS)).max(7).nullish(),
});

builder.queryFields((t) => ({
  routeCase: t.field({
    type: RoutePlanRef,
    description:
      'Route a consultation need to lines and experts. Nothing of the input is stored or logged.',
    args: {
      input: t.arg({ type: CaseInputRef, required: true }),
      lang: t.arg({
        type: LangEnum,
        defaultValue: 'FI',
        required: false,
        description: 'Language of the explanations, reasons and notices.',
      }),
    },
    resolve: (_root, args, context) => {
      const { input } = validateArgs(z.object({ input: caseInputSchema }), { input: args.input });
      return routeCase(context, input, args.lang);
    },
  }),
}));
