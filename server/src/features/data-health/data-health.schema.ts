/**
 * GraphQL for the coordination team's data-health panel: where the network's data needs upkeep.
 * Coordinators and admins only (it names who is away); computed by data-health-checks.ts.
 */
import { builder } from '../../graphql/builder.ts';
import { requireSignedInRole } from '../auth/authorization.ts';
import { dataHealthServiceOf } from './data-health.service.ts';
import type {
  DataHealthReport,
  HealthStation,
  LineReachGap,
  MunicipalityGap,
  StaleCard,
  ThinLine,
  UncoveredAbsence,
} from './data-health.types.ts';

const HealthStationRef = builder.objectRef<HealthStation>('HealthStation');
HealthStationRef.implement({
  description: 'A station named in a data-health finding.',
  fields: (t) => ({
    stationId: t.exposeID('stationId', { description: 'Station id (opens its card on the map).' }),
    name: t.exposeString('name', { description: 'Name of the expert or unit.' }),
  }),
});

const ThinLineRef = builder.objectRef<ThinLine>('ThinLine');
ThinLineRef.implement({
  description: 'An active line with at most one expert station (away or not).',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Code of the line.' }),
    experts: t.exposeInt('experts', { description: 'Expert stations on the line: 0 or 1.' }),
    expert: t.field({
      type: HealthStationRef,
      nullable: true,
      description: 'The only expert of the line, when it has one.',
      resolve: (line) => line.expert,
    }),
  }),
});

const UncoveredAbsenceRef = builder.objectRef<UncoveredAbsence>('UncoveredAbsence');
UncoveredAbsenceRef.implement({
  description:
    'An expert away today on a line where no other expert station is available today (units do not count as substitutes).',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Code of the line left without cover.' }),
    stationId: t.exposeID('stationId', { description: 'Station id of the expert.' }),
    name: t.exposeString('name', { description: 'Name of the expert.' }),
    awayUntil: t.exposeString('awayUntil', { description: 'The first day back (ISO date).' }),
  }),
});

const StaleCardRef = builder.objectRef<StaleCard>('StaleCard');
StaleCardRef.implement({
  description: 'An expert card on an active line not verified for six months, or never.',
  fields: (t) => ({
    stationId: t.exposeID('stationId', { description: 'Station id of the expert.' }),
    name: t.exposeString('name', { description: 'Name of the expert.' }),
    verifiedOn: t.exposeString('verifiedOn', {
      nullable: true,
      description: 'When the card was last verified (ISO date); null: never.',
    }),
    lineCodes: t.exposeStringList('lineCodes', { description: 'Active lines of the expert.' }),
  }),
});

const MunicipalityGapStatusEnum = builder.enumType('MunicipalityGapStatus', {
  description: 'Why a line does not reach a municipality today.',
  values: {
    AWAY_ONLY: { description: 'Only stations of the line that are away today serve it.' },
    UNCOVERED: { description: 'No station of the line serves it.' },
  },
});

const MunicipalityGapRef = builder.objectRef<MunicipalityGap>('MunicipalityGap');
MunicipalityGapRef.implement({
  description: 'A municipality of the centre’s area a line does not reach today.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Municipality code (Statistics Finland).' }),
    name: t.exposeString('name', { description: 'Finnish name of the municipality.' }),
    status: t.field({
      type: MunicipalityGapStatusEnum,
      description: 'Served only by away stations, or not at all.',
      resolve: (gap) => gap.status,
    }),
  }),
});

const LineReachGapRef = builder.objectRef<LineReachGap>('LineReachGap');
LineReachGapRef.implement({
  description: 'The municipalities of the centre’s area an active line does not reach today.',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Code of the line.' }),
    municipalities: t.field({
      type: [MunicipalityGapRef],
      description: 'Municipalities with no available station of the line, by name.',
      resolve: (gap) => gap.municipalities,
    }),
  }),
});

const DataHealthRef = builder.objectRef<DataHealthReport>('DataHealth');
DataHealthRef.implement({
  description:
    'Where the network data needs upkeep, active lines only: thin lines, lines without a coordinator, uncovered absences, stale cards and municipalities a line does not reach.',
  fields: (t) => ({
    revision: t.exposeInt('revision', { description: 'The network revision checked.' }),
    today: t.exposeString('today', {
      description: 'The Finnish date the findings hold for (who is away, which cards are stale).',
    }),
    staleCutoff: t.exposeString('staleCutoff', {
      description: 'Cards last verified on or before this date (six months ago) are stale.',
    }),
    lineCodes: t.exposeStringList('lineCodes', { description: 'Active lines, in line order.' }),
    areaMunicipalities: t.exposeInt('areaMunicipalities', {
      description:
        'Municipalities of the centre’s area: the cooperation areas where stations of active lines serve.',
    }),
    thinLines: t.field({
      type: [ThinLineRef],
      description: 'Lines with a single expert, or none.',
      resolve: (report) => report.thinLines,
    }),
    linesWithoutCoordinator: t.exposeStringList('linesWithoutCoordinator', {
      description:
        'Codes of lines with no coordinating responsible worker (koordinoiva vastuutyöntekijä).',
    }),
    uncoveredAbsences: t.field({
      type: [UncoveredAbsenceRef],
      description: 'Experts away with no available substitute on the line, by line.',
      resolve: (report) => report.uncoveredAbsences,
    }),
    staleCards: t.field({
      type: [StaleCardRef],
      description: 'Expert cards not verified for six months; never verified first, then oldest.',
      resolve: (report) => report.staleCards,
    }),
    unreachedMunicipalities: t.field({
      type: [LineReachGapRef],
      description: 'Per line, the municipalities of the centre’s area it does not reach today.',
      resolve: (report) => report.unreachedMunicipalities,
    }),
  }),
});

builder.queryField('dataHealth', (t) =>
  t.field({
    type: DataHealthRef,
    description:
      'The data-health panel of the coordination team, for coordinators and admins: anonymous callers get UNAUTHENTICATED, other roles FORBIDDEN.',
    resolve: (_root, _args, context) => {
      requireSignedInRole(context, 'coordinator');
      return dataHealthServiceOf(context.database).current(context.today);
    },
  }),
);
