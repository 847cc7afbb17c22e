/** Measures label text with the browser's canvas, in the font Cytoscape draws it with. */
import { estimateTextWidth, type MeasureText } from './label-placement.ts';

/**
 * Real text widths make the label placement exact where the estimate would guess. A little
 * slack covers the difference between the size measured here and the size drawn.
 */
const SLACK = 1.03;

/** A {@link MeasureText} over a canvas 2D context; the estimate where there is no canvas. */
export function canvasTextMeasure(fontFamily: string): MeasureText {
  const context =
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) {
    return estimateTextWidth;
  }
  const cache = new Map<string, number>();
  return (text, fontSize, bold) => {
    const key = `${bold ? 'b' : 'n'}${fontSize}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      // The same font string as Cytoscape's label measurement: style, weight, size, family.
      context.font = `normal ${bold ? 'bold' : 'normal'} ${fontSize}px ${fontFamily}`;
      width = Math.ceil(context.measureText(text).width * SLACK);
      cache.set(key, width);
    }
    return width;
  };
}
