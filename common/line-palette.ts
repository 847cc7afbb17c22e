/**
 * The colours a line may have. Shared by the server (which refuses any other colour) and the web
 * app (which offers these in the editor). Derived from the Okabe-Ito and Paul Tol palettes,
 * which stay apart under protanopia, deuteranopia and tritanopia, and darkened where needed so
 * that each one is visible on the white map (WCAG 1.4.11, 3:1) and its line code readable on it
 * (WCAG 1.4.3, 4.5:1). Colour is never the only cue: lines are always labelled with their code.
 */
import { contrastRatio, readableTextColor } from './color-contrast.ts';

/** The map is drawn on white; line colours are checked against it. */
export const MAP_BACKGROUND = '#ffffff';

/** A line against the map background: at least 3:1 (WCAG 2.1, 1.4.11 non-text contrast). */
export const MIN_LINE_CONTRAST = 3;

/** Text on a line-coloured badge: at least 4.5:1 (WCAG 2.1, 1.4.3). */
export const MIN_BADGE_TEXT_CONTRAST = 4.5;

export interface PaletteColour {
  /** #rrggbb, lower case. */
  color: string;
  name: { fi: string; sv: string; en: string };
}

export const LINE_PALETTE: readonly PaletteColour[] = [
  { color: '#006dac', name: { fi: 'sininen', sv: 'blå', en: 'blue' } },
  { color: '#c23b00', name: { fi: 'oranssinpunainen', sv: 'orangeröd', en: 'vermilion' } },
  { color: '#842152', name: { fi: 'viininpunainen', sv: 'vinröd', en: 'wine' } },
  { color: '#332288', name: { fi: 'indigo', sv: 'indigo', en: 'indigo' } },
  { color: '#0c5424', name: { fi: 'tummanvihreä', sv: 'mörkgrön', en: 'dark green' } },
  { color: '#8b387d', name: { fi: 'violetti', sv: 'violett', en: 'purple' } },
  { color: '#755100', name: { fi: 'ruskea', sv: 'brun', en: 'brown' } },
  { color: '#3f9c8d', name: { fi: 'turkoosi', sv: 'turkos', en: 'teal' } },
  { color: '#9b8f53', name: { fi: 'oliivi', sv: 'oliv', en: 'olive' } },
  { color: '#ee3377', name: { fi: 'magenta', sv: 'magenta', en: 'magenta' } },
  { color: '#004488', name: { fi: 'tummansininen', sv: 'mörkblå', en: 'dark blue' } },
  { color: '#bb5566', name: { fi: 'ruusunpunainen', sv: 'rosenröd', en: 'rose' } },
  { color: '#228833', name: { fi: 'vihreä', sv: 'grön', en: 'green' } },
  { color: '#997700', name: { fi: 'okra', sv: 'ockra', en: 'ochre' } },
  { color: '#5d3a9b', name: { fi: 'sinivioletti', sv: 'blåviolett', en: 'blue violet' } },
  { color: '#1a5e63', name: { fi: 'petroli', sv: 'petrol', en: 'petrol' } },
];

/**
 * Why `color` cannot be a line colour, or null when it can: it must be one of the palette's
 * colours and pass both contrast checks against the map.
 */
export function lineColourProblem(color: string): string | null {
  const wanted = color.trim().toLowerCase();
  if (!LINE_PALETTE.some((entry) => entry.color === wanted)) {
    return `${color} is not in the line palette; choose one of ${LINE_PALETTE.map((entry) => entry.color).join(', ')}`;
  }
  const onMap = contrastRatio(wanted, MAP_BACKGROUND);
  if (onMap < MIN_LINE_CONTRAST) {
    return `${color} has contrast ${onMap.toFixed(2)}:1 against the map; at least ${MIN_LINE_CONTRAST}:1 is needed`;
  }
  const badge = contrastRatio(wanted, readableTextColor(wanted));
  if (badge < MIN_BADGE_TEXT_CONTRAST) {
    return `the line code on ${color} has contrast ${badge.toFixed(2)}:1; at least ${MIN_BADGE_TEXT_CONTRAST}:1 is needed`;
  }
  return null;
}
