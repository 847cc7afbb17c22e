/** GraphQL for lines: the coloured service-need lines of the metro map. */
import { builder } from '../../graphql/builder.ts';
import { inLanguage, type Lang, LangEnum } from '../../graphql/lang.ts';
import { MethodRef } from '../methods/method.schema.ts';
import { ResearchProjectRef } from '../research/research.schema.ts';
import { ExpertRef, StationRef } from '../stations/station.schema.ts';
import type { LineNode } from './line.types.ts';

export const LineRef = builder.objectRef<LineNode>('Line');

/** A text of the line exactly as written in `lang`: the editor must not mistake a fallback for a translation. */
function ownText(
  line: LineNode,
  text: 'name' | 'description' | 'instructions',
  lang: Lang,
): string | null {
  const suffix = lang === 'FI' ? 'Fi' : lang === 'SV' ? 'Sv' : 'En';
  return line[`${text}${suffix}`] ?? null;
}

LineRef.implement({
  description:
    'A service-need line (palvelutarve) of the metro map, e.g. L8 for immigrant and asylum-seeking families.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable identifier of the line.' }),
    code: t.exposeString('code', { description: 'Line code: L1, L2, ... L10.' }),
    name: t.string({
      description:
        'Name of the line in the given language; Finnish when the translation is missing.',
      args: { lang: t.arg({ type: LangEnum, defaultValue: 'FI', required: false }) },
      resolve: (line, { lang }) =>
        inLanguage({ fi: line.nameFi, sv: line.nameSv, en: line.nameEn }, lang) ?? line.code,
    }),
    color: t.exposeString('color', { description: 'Colour of the line on the map, #rrggbb.' }),
    description: t.string({
      nullable: true,
      description: 'Short description of the service need the line serves.',
      args: { lang: t.arg({ type: LangEnum, defaultValue: 'FI', required: false }) },
      resolve: (line, { lang }) =>
        inLanguage(
          { fi: line.descriptionFi, sv: line.descriptionSv, en: line.descriptionEn },
          lang,
        ),
    }),
    instructions: t.string({
      nullable: true,
      description: 'Consultation instructions, Markdown; Finnish when the translation is missing.',
      args: { lang: t.arg({ type: LangEnum, defaultValue: 'FI', required: false }) },
      resolve: (line, { lang }) =>
        inLanguage(
          { fi: line.instructionsFi, sv: line.instructionsSv, en: line.instructionsEn },
          lang,
        ),
    }),
    nameIn: t.string({
      nullable: true,
      description:
        'The name as written in one language, null when not translated (no Finnish fallback): what the line editor shows.',
      args: { lang: t.arg({ type: LangEnum, required: true }) },
      resolve: (line, { lang }) => ownText(line, 'name', lang),
    }),
    descriptionIn: t.string({
      nullable: true,
      description:
        'The description as written in one language, null when there is none in it (no Finnish fallback).',
      args: { lang: t.arg({ type: LangEnum, required: true }) },
      resolve: (line, { lang }) => ownText(line, 'description', lang),
    }),
    instructionsIn: t.string({
      nullable: true,
      description:
        'The consultation instructions (Markdown) as written in one language, null when there are none in it (no Finnish fallback).',
      args: { lang: t.arg({ type: LangEnum, required: true }) },
      resolve: (line, { lang }) => ownText(line, 'instructions', lang),
    }),
    keywords: t.exposeStringList('keywords', {
      description: 'Terms that route a case description to this line (Finnish, Swedish, English).',
    }),
    keywordsIn: t.stringList({
      nullable: true,
      description:
        'The routing terms of one language, as curated in the editor (`setLineKeywords`); null while the line has only its combined list (`keywords`).',
      args: { lang: t.arg({ type: LangEnum, required: true }) },
      resolve: (line, { lang }) =>
        (lang === 'FI' ? line.keywordsFi : lang === 'SV' ? line.keywordsSv : line.keywordsEn) ??
        null,
    }),
    retired: t.boolean({
      description: 'True once the line is retired: off the map and out of routing.',
      resolve: (line) => !line.active,
    }),
    version: t.exposeInt('version', {
      description:
        'Incremented by every edit of the line or its station order; pass it as `expectedVersion` when editing.',
    }),
    stations: t.field({
      type: [StationRef],
      description: 'Stations in line order.',
      resolve: (line, _args, context) => context.loaders.stationsOfLine.load(line.id),
    }),
    coordinators: t.field({
      type: [ExpertRef],
      description: 'Coordinating responsible workers (koordinoiva vastuutyöntekijä) of the line.',
      resolve: async (line, _args, context) =>
        (await context.loaders.coordinatorsOfLine.load(line.id)).filter(
          (station) => station.kind === 'EXPERT',
        ),
    }),
    methods: t.field({
      type: [MethodRef],
      description: "Methods practised by the line's experts.",
      resolve: (line, _args, context) => context.loaders.methodsOfLine.load(line.id),
    }),
    researchProjects: t.field({
      type: [ResearchProjectRef],
      description: 'Research projects that inform the line.',
      resolve: (line, _args, context) => context.loaders.projectsOfLine.load(line.id),
    }),
  }),
});

builder.queryFields((t) => ({
  lines: t.field({
    type: [LineRef],
    description: 'All active lines, ordered by code number (L1, L2, ... L10, ...).',
    resolve: (_root, _args, context) => context.reads.activeLines(),
  }),
  line: t.field({
    type: LineRef,
    nullable: true,
    description: 'One line by its code, e.g. "L8"; null when there is no such line.',
    args: { code: t.arg.string({ required: true, description: 'Line code, e.g. L8.' }) },
    resolve: (_root, { code }, context) =>
      code.length > 10 ? null : context.loaders.lineByCode.load(code.trim().toUpperCase()),
  }),
}));
