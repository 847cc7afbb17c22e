/**
 * GraphQL for consultation statistics. `recordConsultation` is open to every worker, signed in
 * or not (the journey planner is used anonymously), and stores only a count; it is rate-limited
 * per client address (or account). `consultationStatistics` is for researchers, coordinators and
 * admins, with counts under 5 suppressed.
 */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { InvalidInputError, RateLimitedError } from '../../graphql/errors.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { requireSignedInRole } from '../auth/authorization.ts';
import { ChannelEnum } from '../stations/station.schema.ts';
import {
  CONSULTATION_CHANNELS,
  type ConsultationStatistics,
  type SuppressedCount,
} from './consultation.types.ts';
import { consultationStatistics, finnishMonth } from './consultation-statistics.ts';

const recordArgs = z.object({
  lines: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^L\d{1,3}$/, 'a line code such as L3'),
    )
    .min(1, 'give at least one line')
    .max(10, 'at most 10 lines'),
  municipality: z.string().trim().min(1, 'give the municipality').max(80, 'at most 80 characters'),
  channel: z.enum(CONSULTATION_CHANNELS),
});

const SuppressedCountRef = builder.objectRef<SuppressedCount>('SuppressedCount');
SuppressedCountRef.implement({
  description: 'A count as it may be shown: counts under 5 are suppressed ("<5").',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'What is counted: a line code, region code, channel or month (YYYY-MM).',
    }),
    label: t.exposeString('label', { description: 'Its name (region names in Finnish).' }),
    count: t.exposeInt('count', {
      nullable: true,
      description: 'The count from 5 up; null when suppressed.',
    }),
    display: t.exposeString('display', {
      description:
        'The count; "<5" for a count under 5; ".." for a count hidden so that a small one cannot be worked out from the total by subtraction.',
    }),
  }),
});

const ConsultationStatisticsRef =
  builder.objectRef<ConsultationStatistics>('ConsultationStatistics');
ConsultationStatisticsRef.implement({
  description:
    'Recorded consultations counted per line, region, channel and month; never cases. A consultation on two lines counts for both.',
  fields: (t) => ({
    total: t.field({ type: SuppressedCountRef, description: 'All.', resolve: (s) => s.total }),
    byLine: t.field({
      type: [SuppressedCountRef],
      description: 'Per line.',
      resolve: (s) => s.byLine,
    }),
    byMunicipality: t.field({
      type: [SuppressedCountRef],
      description: 'Per municipality.',
      resolve: (s) => s.byMunicipality,
    }),
    byCounty: t.field({
      type: [SuppressedCountRef],
      description: 'Per wellbeing services county.',
      resolve: (s) => s.byCounty,
    }),
    byChannel: t.field({
      type: [SuppressedCountRef],
      description: 'Per channel.',
      resolve: (s) => s.byChannel,
    }),
    byMonth: t.field({
      type: [SuppressedCountRef],
      description: 'Per month.',
      resolve: (s) => s.byMonth,
    }),
  }),
});

builder.mutationField('recordConsultation', (t) =>
  t.boolean({
    description:
      'Records that a consultation took place: its lines, municipality and channel; the month is taken from the server clock. Nothing about the worker, the client or the case is stored. Open to every worker, signed in or not; at most 30 per hour from one address (RATE_LIMITED beyond).',
    args: {
      lines: t.arg.stringList({ required: true, description: 'Line codes, e.g. ["L3", "L8"].' }),
      municipality: t.arg.string({
        required: true,
        description: 'Municipality code or Finnish name (Nokia, 536).',
      }),
      channel: t.arg({ type: ChannelEnum, required: true, description: 'How it took place.' }),
    },
    resolve: async (_root, args, context) => {
      const valid = validateArgs(recordArgs, args);
      const limiter = context.consultationLimiter;
      const key = context.account
        ? `account:${context.account.id}`
        : `address:${context.clientAddress}`;
      const decision = limiter.check(key);
      if (!decision.allowed) {
        throw new RateLimitedError(
          `Liian monta kirjausta. Yritä uudelleen ${decision.retryAfterSeconds} sekunnin kuluttua. (Too many records: try again in ${decision.retryAfterSeconds} s.)`,
          decision.retryAfterSeconds,
        );
      }
      limiter.recordFailure(key);
      const outcome = await context.repositories.consultations.record({
        lineCodes: [...new Set(valid.lines)].sort((a, b) =>
          a.localeCompare(b, 'en', { numeric: true }),
        ),
        municipality: valid.municipality,
        channel: valid.channel,
        month: finnishMonth(),
      });
      if (!outcome.recorded) {
        throw new InvalidInputError(
          outcome.field === 'municipality'
            ? `municipality: tuntematon kunta (unknown municipality) "${outcome.unknown.join(', ')}"`
            : `lines: tuntematon linja (unknown line) ${outcome.unknown.join(', ')}`,
          outcome.field,
        );
      }
      return true;
    },
  }),
);

builder.queryField('consultationStatistics', (t) =>
  t.field({
    type: ConsultationStatisticsRef,
    description:
      'Recorded consultations per line, region, channel and month, counts under 5 suppressed. Researchers, coordinators and admins: anonymous callers get UNAUTHENTICATED, other roles FORBIDDEN.',
    resolve: async (_root, _args, context) => {
      requireSignedInRole(context, 'researcher', 'coordinator');
      return consultationStatistics(await context.repositories.consultations.counts());
    },
  }),
);
