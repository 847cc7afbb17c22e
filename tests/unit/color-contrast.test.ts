import { describe, expect, it } from 'vitest';
import { LINES } from '../../graph-seed/data/lines.ts';
import { contrastRatio, readableTextColor } from '../../web/src/lib/color-contrast.ts';

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
