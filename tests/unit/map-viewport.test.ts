/** Fitting the map: every node on screen inside the padding, centred, within the zoom limits. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extentBox, fittedViewport, type NodeExtent } from '../../web/src/lib/map-viewport.ts';

const SCREEN = { width: 1000, height: 600, padding: 40, minZoom: 0.1, maxZoom: 4 };

/** Where a model point lands on screen in a viewport. */
function onScreen(viewport: ReturnType<typeof fittedViewport>, x: number, y: number) {
  return { x: x * viewport.zoom + viewport.pan.x, y: y * viewport.zoom + viewport.pan.y };
}

describe('extentBox', () => {
  it('spans the markers, not just their centres', () => {
    const nodes: NodeExtent[] = [
      { x: 0, y: 0, width: 20, height: 10 },
      { x: 100, y: 50, width: 40, height: 40 },
    ];
    expect(extentBox(nodes)).toEqual({ x1: -10, y1: -5, x2: 120, y2: 70 });
  });

  it('is null for no nodes', () => {
    expect(extentBox([])).toBeNull();
  });
});

describe('fittedViewport', () => {
  it('shows a wide map edge to edge within the padding, centred vertically', () => {
    const viewport = fittedViewport({ x1: 0, y1: 0, x2: 1840, y2: 100 }, SCREEN);
    expect(viewport.zoom).toBeCloseTo(0.5);
    expect(onScreen(viewport, 0, 0).x).toBeCloseTo(40);
    expect(onScreen(viewport, 1840, 0).x).toBeCloseTo(960);
    expect(onScreen(viewport, 920, 50).y).toBeCloseTo(300);
  });

  it('keeps to the zoom limits: a single station is not blown up, a continent not shrunk away', () => {
    expect(fittedViewport({ x1: 0, y1: 0, x2: 1, y2: 1 }, SCREEN).zoom).toBe(4);
    expect(fittedViewport({ x1: 0, y1: 0, x2: 1e6, y2: 1e6 }, SCREEN).zoom).toBe(0.1);
  });

  it('puts every node of any map inside the padded screen when the zoom limits allow', () => {
    const node = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 50 }),
      height: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(node, { minLength: 2, maxLength: 30 }), (nodes) => {
        const box = extentBox(nodes);
        if (box === null) {
          return;
        }
        const viewport = fittedViewport(box, { ...SCREEN, minZoom: 1e-6, maxZoom: 1e6 });
        for (const { x, y, width, height } of nodes) {
          const low = onScreen(viewport, x - width / 2, y - height / 2);
          const high = onScreen(viewport, x + width / 2, y + height / 2);
          expect(low.x).toBeGreaterThanOrEqual(SCREEN.padding - 1e-6);
          expect(low.y).toBeGreaterThanOrEqual(SCREEN.padding - 1e-6);
          expect(high.x).toBeLessThanOrEqual(SCREEN.width - SCREEN.padding + 1e-6);
          expect(high.y).toBeLessThanOrEqual(SCREEN.height - SCREEN.padding + 1e-6);
        }
      }),
    );
  });
});
