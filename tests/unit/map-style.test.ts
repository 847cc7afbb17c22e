/** The metro map's stylesheet: every line in its own colour, states drawn over the colours. */
import { describe, expect, it } from 'vitest';
import { readableTextColor } from '../../common/color-contrast.ts';
import { LINES } from '../../graph-seed/data/lines.ts';
import {
  LABEL_PLACEMENTS,
  LABEL_ZOOMS,
  labelLevelForZoom,
} from '../../web/src/lib/label-placement.ts';
import { BADGE_FONT, BADGE_MAX_SCALE } from '../../web/src/lib/map-elements.ts';
import {
  badgeScale,
  lineColor,
  type MapStyleRule,
  mapStylesheet,
} from '../../web/src/lib/map-style.ts';

function rule(sheet: MapStyleRule[], selector: string): MapStyleRule {
  const found = sheet.find((candidate) => candidate.selector === selector);
  if (!found) {
    throw new Error(`no rule for ${selector}`);
  }
  return found;
}

describe('mapStylesheet', () => {
  const lines = LINES.map((line) => ({ code: line.code, color: line.color }));
  const sheet = mapStylesheet(lines);

  it('draws every line in its own colour, with its code readable on its badges', () => {
    for (const line of lines) {
      expect(rule(sheet, `edge.segment[lineCode = "${line.code}"]`).style['line-color']).toBe(
        line.color,
      );
      expect(rule(sheet, `node.line-badge[lineCode = "${line.code}"]`).style).toEqual({
        'background-color': line.color,
        color: readableTextColor(line.color),
      });
      expect(rule(sheet, `node.station[color = "${line.color}"]`).style['border-color']).toBe(
        line.color,
      );
    }
    const colours = new Set(lines.map((line) => line.color));
    expect(colours.size).toBe(lines.length);
  });

  it('labels stations and badges from their data, so colour is never the only cue', () => {
    expect(rule(sheet, 'node.line-badge').style.label).toBe('data(caption)');
    // Too small to read when zoomed out: not drawn, rather than drawn as a smudge.
    expect(rule(sheet, 'node').style['min-zoomed-font-size']).toBeGreaterThan(0);
  });

  it('draws the names planned for the zoom level, 12 px high on screen', () => {
    // Below the farthest level only a chosen or found station is named.
    expect(sheet.some((entry) => entry.selector.includes('labelLevel'))).toBe(false);
    expect(rule(sheet, 'node.station.selected, node.station.highlighted').style.label).toBe(
      'data(caption)',
    );
    const level = labelLevelForZoom(0.5);
    const atLevel = mapStylesheet(lines, level);
    const names = rule(atLevel, `node.station[labelLevel <= ${level}]`).style;
    expect(names.label).toBe('data(caption)');
    expect(Number(names['font-size']) * (LABEL_ZOOMS[level] as number)).toBeCloseTo(12, 1);
    const bold = rule(atLevel, `node.station.interchange[labelLevel <= ${level}]`).style;
    expect(Number(bold['font-size'])).toBeGreaterThan(Number(names['font-size']));
    // Each side of label-placement.ts has its rule, with its gap from the marker.
    for (const side of LABEL_PLACEMENTS) {
      const style = rule(atLevel, `node.label-${side}`).style;
      expect(
        Math.abs(Number(style['text-margin-x'])) + Math.abs(Number(style['text-margin-y'])),
      ).toBeGreaterThan(0);
    }
  });

  it('draws interchanges as white capsules with a thick dark border, units as rounded squares', () => {
    const interchange = rule(sheet, 'node.interchange').style;
    expect(interchange.shape).toBe('polygon');
    expect(interchange['shape-polygon-points']).toBe('data(polygon)');
    expect(interchange['background-color']).toBe('#ffffff');
    expect(interchange['border-color']).toBe('#1a1a1a');
    expect(Number(interchange['border-width'])).toBeGreaterThan(
      Number(rule(sheet, 'node.station').style['border-width']),
    );
    expect(rule(sheet, 'node.unit').style.shape).toBe('round-rectangle');
  });

  it('puts interchange, away, focus and highlight rules after the line colours', () => {
    const index = (selector: string) => sheet.findIndex((entry) => entry.selector === selector);
    const lastLineRule = Math.max(
      ...sheet.map((entry, i) => (entry.selector.includes('[') ? i : -1)),
    );
    for (const selector of [
      'node.interchange',
      'node.away',
      'node.station.pinned',
      '.faded',
      '.hidden',
      'node.selected',
    ]) {
      expect(index(selector), selector).toBeGreaterThan(lastLineRule);
    }
    expect(rule(sheet, '.faded').style.opacity).toBeLessThan(0.5);
    expect(rule(sheet, '.hidden').style.display).toBe('none');
  });

  it('falls back to grey for a malformed colour and skips codes unsafe in a selector', () => {
    expect(lineColor({ color: 'red; }' })).toBe('#555555');
    const odd = mapStylesheet([
      { code: 'L1', color: 'not-a-colour' },
      { code: 'L2"]', color: '#123456' },
    ]);
    expect(rule(odd, 'edge.segment[lineCode = "L1"]').style['line-color']).toBe('#555555');
    expect(odd.some((entry) => entry.selector.includes('L2"]'))).toBe(false);
  });
});

describe('line code badges', () => {
  it('grow at far zooms so that their code stays at least 11 px high on screen', () => {
    // The demo map opens at a zoom of about 0.32 on a 1366 px wide window.
    for (const zoom of [0.3, 0.32, 0.4, 0.5, 0.75, 1, 2]) {
      expect(BADGE_FONT * badgeScale(zoom) * zoom).toBeGreaterThanOrEqual(11);
    }
    expect(badgeScale(1)).toBe(1);
    expect(badgeScale(0.01)).toBe(BADGE_MAX_SCALE);
  });

  it('get the size of the label level in the stylesheet', () => {
    const level = labelLevelForZoom(0.32);
    const zoom = LABEL_ZOOMS[level] as number;
    const badge = mapStylesheet(LINES, level).filter(
      (entry) => entry.selector === 'node.line-badge',
    );
    expect(badge.at(-1)?.style['font-size']).toBeCloseTo(BADGE_FONT * badgeScale(zoom), 1);
  });
});
