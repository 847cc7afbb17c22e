/**
 * The metro map's Cytoscape stylesheet, as plain data: pure, unit-tested, free of Cytoscape.
 *
 * Looks follow printed transit maps: thick coloured lines, white station ticks with a border in
 * the line's colour, interchanges as larger white rings with a thick dark border, units as
 * rounded squares, termini filled with their line's colour, and a code badge at each line end,
 * so colour is never the only cue. Away experts get a dashed ring and a warning sign.
 */
import { readableTextColor } from '../../../common/color-contrast.ts';
import { LABEL_GAP, LABEL_PADDING, LABEL_ZOOMS, labelFont } from './label-placement.ts';
import {
  BADGE_FONT,
  BADGE_HEIGHT,
  BADGE_MAX_SCALE,
  BADGE_WIDTH,
  LINE_WIDTH,
} from './map-elements.ts';
import type { MapLine } from './network-map.types.ts';

export type StyleValue = string | number | number[];

/** One rule of a Cytoscape stylesheet (structurally `cytoscape.StylesheetStyle`). */
export interface MapStyleRule {
  selector: string;
  style: Record<string, StyleValue>;
}

/** The font of every label on the map; text is measured in it for the label placement. */
export const MAP_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
const INK = '#1a1a1a';
/** Overlay layers are drawn in a dark grey: they never compete with the lines' colours. */
const OVERLAY_INK = '#4a4a4a';
const FALLBACK_COLOR = '#555555';
/** Highlight ring of a chosen or found station: the app's focus colour. */
const HIGHLIGHT = '#0b57d0';
/** On-screen size of an overlay item's marker, in px, and its smallest size in map units. */
const OVERLAY_MARKER_PX = 16;
const OVERLAY_MARKER_MIN = 22;
/** Widest an overlay item's name may be on screen, in px. */
const OVERLAY_LABEL_PX = 170;
/** Below this on-screen size labels are not drawn, so a zoomed-out map stays legible. */
const MIN_LABEL_PX = 7;

const SAFE_CODE = /^[A-Za-z0-9_-]{1,16}$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The colour a line is drawn in; malformed colours fall back to grey rather than break the map. */
export function lineColor(line: Pick<MapLine, 'color'>): string {
  return HEX_COLOR.test(line.color) ? line.color : FALLBACK_COLOR;
}

const BASE_RULES: MapStyleRule[] = [
  {
    selector: 'core',
    style: { 'active-bg-size': 0, 'selection-box-opacity': 0 },
  },
  {
    selector: 'node',
    style: {
      'font-family': MAP_FONT,
      'min-zoomed-font-size': MIN_LABEL_PX,
      'overlay-opacity': 0,
    },
  },
  {
    selector: 'edge',
    style: { 'overlay-opacity': 0, 'curve-style': 'straight', events: 'no' },
  },
  {
    selector: 'edge.segment',
    style: {
      width: LINE_WIDTH,
      'line-color': FALLBACK_COLOR,
      'line-cap': 'round',
      'z-index': 1,
    },
  },
  {
    selector: 'edge.parallel',
    style: {
      'source-endpoint': 'data(sourceEndpoint)',
      'target-endpoint': 'data(targetEndpoint)',
      'line-cap': 'butt',
    },
  },
  {
    // No name by default: labelRules() shows the names planned for the current zoom level.
    selector: 'node.station',
    style: {
      shape: 'ellipse',
      width: 'data(width)',
      height: 'data(height)',
      'background-color': '#ffffff',
      'border-width': 3,
      'border-color': FALLBACK_COLOR,
      color: INK,
      'text-wrap': 'ellipsis',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': `${LABEL_PADDING}px`,
      'text-background-shape': 'round-rectangle',
      'z-index': 10,
    },
  },
  {
    selector: 'node.unit',
    style: { shape: 'round-rectangle', 'border-width': 3 },
  },
  // The sides of label-placement.ts: beside, at a corner of, over or under the marker's box.
  ...(
    [
      ['right', 'right', 'center', 1, 0],
      ['left', 'left', 'center', -1, 0],
      ['upper-right', 'right', 'top', 1, -1],
      ['lower-right', 'right', 'bottom', 1, 1],
      ['upper-left', 'left', 'top', -1, -1],
      ['lower-left', 'left', 'bottom', -1, 1],
      ['above', 'center', 'top', 0, -1],
      ['below', 'center', 'bottom', 0, 1],
    ] as const
  ).map(
    ([side, halign, valign, dx, dy]): MapStyleRule => ({
      selector: `node.label-${side}`,
      style: {
        'text-halign': halign,
        'text-valign': valign,
        'text-margin-x': dx * LABEL_GAP,
        'text-margin-y': dy * LABEL_GAP,
      },
    }),
  ),
  {
    selector: 'node.line-badge',
    style: {
      shape: 'round-rectangle',
      width: BADGE_WIDTH,
      height: BADGE_HEIGHT,
      'background-color': FALLBACK_COLOR,
      'border-width': 2,
      'border-color': '#ffffff',
      label: 'data(caption)',
      'font-size': BADGE_FONT,
      'font-weight': 'bold',
      color: '#ffffff',
      'text-halign': 'center',
      'text-valign': 'center',
      'min-zoomed-font-size': 4,
      'z-index': 14,
    },
  },
  {
    // Overlay items (overlay-layers.ts): white markers with a dark border, a diamond for a
    // research partner and a hexagon for a VIP network; names on the side facing the map, with
    // the codes of their lines. The size of the name follows the zoom (labelRules).
    selector: 'node.overlay',
    style: {
      shape: 'diamond',
      width: 22,
      height: 22,
      'background-color': '#ffffff',
      'border-width': 4,
      'border-color': OVERLAY_INK,
      label: 'data(label)',
      color: INK,
      'text-wrap': 'wrap',
      'text-halign': 'center',
      'text-valign': 'top',
      'text-margin-y': -LABEL_GAP,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'round-rectangle',
      'z-index': 16,
    },
  },
  {
    selector: 'node.overlay-research',
    style: { shape: 'diamond', 'text-valign': 'top', 'text-margin-y': -LABEL_GAP },
  },
  {
    selector: 'node.overlay-vip',
    style: { shape: 'hexagon', 'text-valign': 'bottom', 'text-margin-y': LABEL_GAP },
  },
  {
    // The layer's own rail: a dashed grey track, like regional rail beside a metro.
    selector: 'edge.overlay-rail',
    style: {
      width: 3,
      'line-color': OVERLAY_INK,
      'line-style': 'dashed',
      'line-dash-pattern': [12, 6],
      'z-index': 0,
    },
  },
  {
    // From an item to a station of each line it serves: thin, dashed, under the lines.
    selector: 'edge.overlay-link',
    style: {
      width: 1.5,
      'line-color': OVERLAY_INK,
      'line-style': 'dashed',
      'line-dash-pattern': [6, 5],
      opacity: 0.7,
      'z-index': 0,
    },
  },
  {
    selector: 'edge.overlay-vip',
    style: { 'line-dash-pattern': [2, 5] },
  },
  {
    selector: 'edge.overlay-rail.overlay-vip',
    style: { 'line-dash-pattern': [3, 4] },
  },
  {
    selector: 'edge.overlay-link.emphasised',
    style: { width: 3, opacity: 1 },
  },
];

/** Rules that must win over a line's colour: they come after the per-line rules. */
const STATE_RULES: MapStyleRule[] = [
  {
    // A capsule across the lanes of its lines (station-marker.ts), white with a dark border.
    selector: 'node.interchange',
    style: {
      shape: 'polygon',
      'shape-polygon-points': 'data(polygon)',
      'background-color': '#ffffff',
      'border-width': 4,
      'border-color': INK,
      'font-weight': 'bold',
      'z-index': 12,
    },
  },
  {
    selector: 'node.away',
    style: { 'border-style': 'dashed', 'background-color': '#f2f2f2' },
  },
  {
    // Shown while positions are edited: a pinned station has a thicker, double border (a
    // shape cue, not a colour).
    selector: 'node.station.pinned',
    style: { 'border-style': 'double', 'border-width': 7 },
  },
  {
    selector: '.faded',
    style: { opacity: 0.15 },
  },
  {
    selector: '.hidden',
    style: { display: 'none' },
  },
  {
    selector: 'node.highlighted',
    style: {
      'underlay-color': HIGHLIGHT,
      'underlay-padding': 12,
      'underlay-opacity': 0.3,
      'underlay-shape': 'ellipse',
      'font-weight': 'bold',
      'z-index': 20,
    },
  },
  {
    selector: 'node.selected',
    style: {
      'underlay-color': HIGHLIGHT,
      'underlay-padding': 9,
      'underlay-opacity': 0.5,
      'underlay-shape': 'ellipse',
      'font-weight': 'bold',
      'z-index': 20,
    },
  },
];

/** Rules that give each line its colour: edges, code badges, and the markers of its stations. */
export function lineRules(lines: readonly Pick<MapLine, 'code' | 'color'>[]): MapStyleRule[] {
  return lines
    .filter((line) => SAFE_CODE.test(line.code))
    .flatMap((line): MapStyleRule[] => {
      const color = lineColor(line);
      return [
        { selector: `edge.segment[lineCode = "${line.code}"]`, style: { 'line-color': color } },
        {
          selector: `node.line-badge[lineCode = "${line.code}"]`,
          style: { 'background-color': color, color: readableTextColor(color) },
        },
        {
          selector: `node.station[color = "${color}"]`,
          style: { 'border-color': color },
        },
        {
          selector: `node.terminus[color = "${color}"]`,
          style: { 'background-color': color },
        },
      ];
    });
}

/**
 * Rules that draw the station names planned for label level `level` (label-placement.ts): the
 * names whose `labelLevel` is at most `level`, at the size that keeps them 12 px high
 * on screen at the level's zoom (13 px bold for interchanges). A selected or found station always shows its name. Below the
 * farthest level (-1) only those do.
 */
export function labelRules(level: number): MapStyleRule[] {
  const normal = labelFont(level, false);
  const important = labelFont(level, true);
  const shown = (fontSize: number, maxWidth: number) => ({
    label: 'data(caption)',
    'font-size': round2(fontSize),
    'text-max-width': `${round2(maxWidth)}px`,
  });
  const rules: MapStyleRule[] = [];
  if (level >= 0) {
    const at = Math.min(level, LABEL_ZOOMS.length - 1);
    rules.push(
      {
        selector: `node.station[labelLevel <= ${at}]`,
        style: shown(normal.fontSize, normal.maxWidth),
      },
      {
        selector: `node.station.interchange[labelLevel <= ${at}]`,
        style: shown(important.fontSize, important.maxWidth),
      },
    );
  }
  // Overlay names at the on-screen size of station names at this zoom, markers at least
  // OVERLAY_MARKER_PX across on screen.
  const zoom = LABEL_ZOOMS[Math.max(0, Math.min(level, LABEL_ZOOMS.length - 1))] as number;
  const marker = round2(Math.max(OVERLAY_MARKER_MIN, OVERLAY_MARKER_PX / zoom));
  rules.push({
    selector: 'node.overlay',
    style: {
      width: marker,
      height: marker,
      'font-size': round2(normal.fontSize),
      'text-max-width': `${round2(OVERLAY_LABEL_PX / zoom)}px`,
    },
  });
  // Line code badges: their code at least BADGE_FONT_PX on screen, up to BADGE_MAX_SCALE.
  const badge = badgeScale(zoom);
  rules.push({
    selector: 'node.line-badge',
    style: {
      width: round2(BADGE_WIDTH * badge),
      height: round2(BADGE_HEIGHT * badge),
      'font-size': round2(BADGE_FONT * badge),
    },
  });
  // Links and rails keep an on-screen width and dash length at every zoom.
  const px = (onScreen: number, least: number) => round2(Math.max(least, onScreen / zoom));
  rules.push(
    {
      selector: 'edge.overlay-link',
      style: { width: px(1.5, 1.5), 'line-dash-pattern': [px(6, 6), px(5, 5)] },
    },
    {
      selector: 'edge.overlay-link.overlay-vip',
      style: { 'line-dash-pattern': [px(2, 2), px(4, 4)] },
    },
    { selector: 'edge.overlay-link.emphasised', style: { width: px(3, 3) } },
    {
      selector: 'edge.overlay-rail',
      style: { width: px(2.5, 3), 'line-dash-pattern': [px(10, 12), px(5, 6)] },
    },
  );
  rules.push({
    selector: 'node.station.selected, node.station.highlighted',
    style: shown(important.fontSize, important.maxWidth),
  });
  return rules;
}

/** On-screen size of a line code badge's text at far zooms, in px. */
export const BADGE_FONT_PX = 12;

/** How much the code badges grow at `zoom` so that their text is BADGE_FONT_PX high on screen. */
export function badgeScale(zoom: number): number {
  return Math.min(BADGE_MAX_SCALE, Math.max(1, BADGE_FONT_PX / (BADGE_FONT * zoom)));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The whole stylesheet for these lines, with the names of label level `labelLevel`. */
export function mapStylesheet(
  lines: readonly Pick<MapLine, 'code' | 'color'>[],
  labelLevel = -1,
): MapStyleRule[] {
  return [...BASE_RULES, ...lineRules(lines), ...STATE_RULES, ...labelRules(labelLevel)];
}
