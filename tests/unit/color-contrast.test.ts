import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextColor } from '../../common/color-contrast.ts';
import { LINE_PALETTE, lineColourProblem, MAP_BACKGROUND } from '../../common/line-palette.ts';
import { LINES } from '../../graph-seed/data/lines.ts';

describe('colour contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('picks the text colour that reads better on a badge', () => {
    expect(readableTextColor('#003f7f')).toBe('#ffffff');
    expect(readableTextColor('#f0e442')).toBe('#000000');
  });

  it('keeps every line colour visible on the white map (>= 3:1, WCAG 1.4.11)', () => {
    for (const line of LINES) {
      expect(contrastRatio(line.color, '#ffffff'), line.code).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps every line code readable on its own colour (>= 4.5:1, WCAG 1.4.3)', () => {
    for (const line of LINES) {
      expect(
        contrastRatio(line.color, readableTextColor(line.color)),
        line.code,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('line palette', () => {
  it('offers only colours that pass both contrast checks on the map', () => {
    for (const entry of LINE_PALETTE) {
      expect(lineColourProblem(entry.color), entry.color).toBeNull();
      expect(contrastRatio(entry.color, MAP_BACKGROUND)).toBeGreaterThanOrEqual(3);
    }
  });

  it('holds every seed line colour, each once', () => {
    const colours = LINE_PALETTE.map((entry) => entry.color);
    expect(new Set(colours).size).toBe(colours.length);
    for (const line of LINES) {
      expect(colours, line.code).toContain(line.color);
    }
  });

  it('refuses a colour outside the palette, naming the palette', () => {
    expect(lineColourProblem('#f0e442')).toMatch(/not in the line palette; choose one of #006dac/);
    expect(lineColourProblem('#ABCDEF')).toMatch(/not in the line palette/);
    expect(lineColourProblem('#006DAC')).toBeNull();
  });
});
