/** GraphQL for the audit trail: who changed what, when, from what to what. Signed-in staff only. */
import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { InvalidInputError } from '../../graphql/errors.ts';
import { JsonScalar } from '../../graphql/json-scalar.ts';
import {
  connectionType,
  decodeCursor,
  pageArgs,
  pageArgsSchema,
} from '../../graphql/pagination.ts';
import { validateArgs } from '../../graphql/validate-args.ts';
import { requireRole } from '../auth/authorization.ts';
import { AUDIT_ENTITY_KINDS, type AuditEntry, type AuditSubject } from './audit.types.ts';

export const AuditEntityKindEnum = builder.enumType('AuditEntityKind', {
  description: 'Kind of thing an audited change concerns.',
  values: Object.fromEntries(
    AUDIT_ENTITY_KINDS.map((kind) => [kind, { description: kindDescription(kind) }]),
  ) as Record<(typeof AUDIT_ENTITY_KINDS)[number], { description: string }>,
});

function kindDescription(kind: (typeof AUDIT_ENTITY_KINDS)[number]): string {
  switch (kind) {
    case 'LINE':
      return 'A line; the id is the line id (line-L3).';
    case 'STATION':
      return 'A station (expert or unit); the id is the station id.';
    case 'NETWORK':
      return 'The whole network (an import or a restore).';
    default:
      return `${kind.charAt(0)}${kind.slice(1).toLowerCase()}, by id.`;
  }
}

const AuditSubjectRef = builder.objectRef<AuditSubject>('AuditSubject');

AuditSubjectRef.implement({
  description: 'One thing a change concerns.',
  fields: (t) => ({
    kind: t.field({
      type: AuditEntityKindEnum,
      description: 'Kind of the thing.',
      resolve: (s) => s.kind,
    }),
    id: t.exposeID('id', { description: 'Its id (line-L3, expert-0012, ...).' }),
  }),
});

const AuditActorRef = builder.objectRef<AuditEntry>('AuditActor');

AuditActorRef.implement({
  description: 'Who made a change: a signed-in account, or a system tool (seed loader, restore).',
  fields: (t) => ({
    email: t.exposeString('actorEmail', {
      nullable: true,
      description: 'E-mail address of the account; null for a system tool.',
    }),
    role: t.exposeString('actorRole', {
      nullable: true,
      description: 'Role of the account at the time (viewer, coordinator, ...); null for a tool.',
    }),
    system: t.string({
      nullable: true,
      description: 'Name of the system tool that made the change; null for a person.',
      resolve: (entry) => (entry.actorKind === 'SYSTEM' ? entry.actorId : null),
    }),
  }),
});

export const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry');

AuditEntryRef.implement({
  description:
    'One audited change: who, when, what, and the state before and after. Written in the same transaction as the change.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id of the record; pass it to `undoChange`.' }),
    at: t.exposeString('at', { description: 'When the change was made (ISO date-time, UTC).' }),
    revision: t.exposeInt('revision', {
      description: 'The network revision this change produced; orders changes exactly.',
    }),
    action: t.exposeString('action', {
      description: 'What was done, e.g. LINE_RENAME, STATION_ADD_TO_LINE, STATION_MERGE, UNDO.',
    }),
    entity: t.field({
      type: AuditSubjectRef,
      description: 'The thing the change is mainly about.',
      resolve: (entry) => ({ kind: entry.entityKind, id: entry.entityId }),
    }),
    subjects: t.field({
      type: [AuditSubjectRef],
      description: 'Everything the change concerns: the entity first, then related things.',
      resolve: (entry) => entry.subjects,
    }),
    actor: t.field({
      type: AuditActorRef,
      description: 'Who made the change.',
      resolve: (entry) => entry,
    }),
    before: t.field({
      type: JsonScalar,
      nullable: true,
      description: 'State before the change, as JSON; null when the thing did not exist.',
      resolve: (entry) => entry.before,
    }),
    after: t.field({
      type: JsonScalar,
      nullable: true,
      description: 'State after the change, as JSON; null when the thing was removed.',
      resolve: (entry) => entry.after,
    }),
    reversible: t.exposeBoolean('reversible', {
      description:
        'True when `undoChange` can apply this change in reverse (if nothing changed since).',
    }),
    undoOf: t.exposeID('undoOf', {
      nullable: true,
      description: 'When this change was an undo: the id of the change it undid.',
    }),
    undoneBy: t.exposeID('undoneBy', {
      nullable: true,
      description: 'The id of the change that undid this one; null while it stands.',
    }),
  }),
});

const AuditEntryConnectionRef = connectionType<AuditEntry>(
  'AuditEntry',
  AuditEntryRef,
  'audited changes, newest first',
);

const auditTrailArgs = pageArgsSchema.extend({
  lineCode: z
    .string()
    .trim()
    .regex(/^L\d{1,3}$/i, 'must be a line code such as L8')
    .nullish(),
  stationId: z.string().trim().min(1).max(200, 'is too long for a station id').nullish(),
});

builder.queryField('auditTrail', (t) =>
  t.field({
    type: AuditEntryConnectionRef,
    description:
      'The audited changes of one line (by code) or one station (by id), newest first. Signed-in staff only.',
    args: {
      lineCode: t.arg.string({ required: false, description: 'A line code, e.g. L8.' }),
      stationId: t.arg.id({ required: false, description: 'A station id.' }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context) => {
      requireRole(context);
      const valid = validateArgs(auditTrailArgs, {
        ...args,
        stationId:
          args.stationId === null || args.stationId === undefined
            ? args.stationId
            : String(args.stationId),
      });
      if (Boolean(valid.lineCode) === Boolean(valid.stationId)) {
        throw new InvalidInputError(
          'lineCode: give either lineCode or stationId, not both and not neither',
          'lineCode',
        );
      }
      let subject: AuditSubject;
      if (valid.lineCode) {
        const code = valid.lineCode.toUpperCase();
        const line = await context.loaders.lineByCode.load(code);
        if (!line) {
          throw new InvalidInputError(`lineCode: there is no line ${code}`, 'lineCode');
        }
        subject = { kind: 'LINE', id: line.id };
      } else {
        subject = { kind: 'STATION', id: valid.stationId as string };
      }
      const offset = decodeCursor(valid.after);
      const page = await context.repositories.audit.trail(subject, {
        offset,
        limit: valid.first,
      });
      return { ...page, offset };
    },
  }),
);
