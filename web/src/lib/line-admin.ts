/**
 * Admins' line upkeep from the web: a new line (code, names, a palette colour) and retiring one.
 * The server validates (code format, palette and contrast, a colour no other active line uses)
 * and audits; this only builds the requests.
 */
import { LINE_PALETTE, type PaletteColour } from '../../../common/line-palette.ts';

export const CREATE_LINE = /* GraphQL */ `
  mutation CreateLine($code: String!, $name: LineNamesInput!, $color: String!) {
    createLine(code: $code, name: $name, color: $color) { line { code version } }
  }`;

export const RETIRE_LINE = /* GraphQL */ `
  mutation RetireLine($code: String!, $expectedVersion: Int!) {
    retireLine(code: $code, expectedVersion: $expectedVersion) { line { code retired } }
  }`;

export interface NewLineDraft {
  code: string;
  fi: string;
  sv: string;
  en: string;
  color: string;
}

/** The palette's colours that no active line uses, in palette order. */
export function freeColours(usedColours: readonly string[]): PaletteColour[] {
  const used = new Set(usedColours.map((colour) => colour.toLowerCase()));
  return LINE_PALETTE.filter((entry) => !used.has(entry.color));
}

/** The next free code after the highest L number in use (L11 after L10). */
export function nextLineCode(codes: readonly string[]): string {
  const numbers = codes.map((code) => Number(code.replace(/^L/i, ''))).filter(Number.isFinite);
  return `L${Math.max(0, ...numbers) + 1}`;
}

/** createLine's variables: names given in Swedish or English only when written. */
export function newLineVariables(draft: NewLineDraft): Record<string, unknown> {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    code: draft.code.trim().toUpperCase(),
    name: { fi: draft.fi.trim(), sv: optional(draft.sv), en: optional(draft.en) },
    color: draft.color,
  };
}
