/**
 * How the metro map is drawn, measured on what Cytoscape really renders in Chromium: interchange
 * capsules, unit and terminus markers, and station names that overlap neither each other, the
 * lines nor other markers at the default zoom and closer. Label boxes come from Cytoscape's own
 * text measurement (`boundingBox` of the labels), independently of the app's label placement;
 * Cytoscape widens them by a 2-unit margin of error on every side, which is taken off again.
 * Screenshots are saved under test-results/map-drawing/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';

const appUrl = inject('appUrl');
const SHOTS = fileURLToPath(new URL('../../test-results/map-drawing/', import.meta.url));
const MAP = '[data-testid="metro-map"]';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What the map draws, read from the Cytoscape instance behind the canvas. */
interface Drawing {
  zoom: number;
  labels: Array<{ id: string; text: string; fontPx: number; box: Box }>;
  segments: Array<{ x1: number; y1: number; x2: number; y2: number; width: number }>;
  markers: Array<{ id: string; box: Box; shape: string; classes: string[] }>;
}

/** Reads the drawing from Cytoscape, which registers itself on its container. */
function readDrawing(page: Page): Promise<Drawing> {
  return page.evaluate((selector) => {
    interface Core {
      zoom(): number;
      nodes(selector: string): Collection;
      edges(selector: string): Collection;
    }
    interface Element {
      id(): string;
      visible(): boolean;
      classes(): string[];
      pstyle(name: string): { strValue: string; pfValue: number };
      boundingBox(options: Record<string, boolean>): Box;
      sourceEndpoint(): { x: number; y: number };
      targetEndpoint(): { x: number; y: number };
    }
    interface Collection {
      filter(test: (element: Element) => boolean): Collection;
      map<T>(fn: (element: Element) => T): T[];
    }
    const container = document.querySelector(selector) as HTMLElement & {
      _cyreg?: { cy: Core };
    };
    const cy = container._cyreg?.cy as Core;
    const zoom = cy.zoom();
    const labels = cy
      .nodes('.station')
      .filter((node) => node.visible() && node.pstyle('label').strValue !== '')
      .map((node) => ({
        id: node.id(),
        text: node.pstyle('label').strValue,
        fontPx: node.pstyle('font-size').pfValue * zoom,
        box: node.boundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeOverlays: false,
          includeUnderlays: false,
        }),
      }))
      // Cytoscape's label bounds add `marginOfError = 2` on every side (text background
      // padding and margins are already in them).
      .map((label) => ({
        ...label,
        box: {
          x1: label.box.x1 + 2,
          y1: label.box.y1 + 2,
          x2: label.box.x2 - 2,
          y2: label.box.y2 - 2,
        },
      }));
    const segments = cy
      .edges('.segment')
      .filter((edge) => edge.visible())
      .map((edge) => {
        const source = edge.sourceEndpoint();
        const target = edge.targetEndpoint();
        return {
          x1: source.x,
          y1: source.y,
          x2: target.x,
          y2: target.y,
          width: edge.pstyle('width').pfValue,
        };
      });
    const markers = cy
      .nodes('.station, .line-badge')
      .filter((node) => node.visible())
      .map((node) => ({
        id: node.id(),
        shape: node.pstyle('shape').strValue,
        classes: node.classes(),
        box: node.boundingBox({
          includeNodes: true,
          includeEdges: false,
          includeLabels: false,
          includeOverlays: false,
          includeUnderlays: false,
        }),
      }));
    return { zoom, labels, segments, markers };
  }, MAP);
}

/** Boxes overlapping by more than a hair (Cytoscape rounds its label boxes outwards). */
function overlap(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    a.x1 + tolerance < b.x2 &&
    b.x1 + tolerance < a.x2 &&
    a.y1 + tolerance < b.y2 &&
    b.y1 + tolerance < a.y2
  );
}

/** True when a line segment `width` wide crosses the box (sampled along the segment). */
function segmentHits(segment: Drawing['segments'][number], box: Box): boolean {
  const half = segment.width / 2 - 0.5;
  const grown = { x1: box.x1 - half, y1: box.y1 - half, x2: box.x2 + half, y2: box.y2 + half };
  const length = Math.hypot(segment.x2 - segment.x1, segment.y2 - segment.y1);
  const steps = Math.max(2, Math.ceil(length));
  for (let step = 0; step <= steps; step++) {
    const x = segment.x1 + ((segment.x2 - segment.x1) * step) / steps;
    const y = segment.y1 + ((segment.y2 - segment.y1) * step) / steps;
    if (x > grown.x1 && x < grown.x2 && y > grown.y1 && y < grown.y2) {
      return true;
    }
  }
  return false;
}

/** Every overlap of a shown name, as readable strings for the assertion message. */
function labelProblems(drawing: Drawing): string[] {
  const problems: string[] = [];
  drawing.labels.forEach((label, index) => {
    for (const other of drawing.labels.slice(index + 1)) {
      if (overlap(label.box, other.box)) {
        problems.push(`${label.text} / ${other.text}`);
      }
    }
    for (const segment of drawing.segments) {
      if (segmentHits(segment, label.box)) {
        problems.push(
          `${label.text} / line at ${Math.round(segment.x1)},${Math.round(segment.y1)}`,
        );
      }
    }
    for (const marker of drawing.markers) {
      if (marker.id !== label.id && overlap(marker.box, label.box)) {
        problems.push(`${label.text} / marker ${marker.id}`);
      }
    }
  });
  return problems;
}

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

async function open(path = '/', viewport = { width: 1366, height: 860 }): Promise<Page> {
  context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  await page.locator(`${MAP}[data-ready="true"]`).waitFor();
  return page;
}

/** Waits until the names are drawn at the size of the current zoom's level. */
async function settledDrawing(page: Page): Promise<Drawing> {
  let drawing = await readDrawing(page);
  await expect
    .poll(
      async () => {
        drawing = await readDrawing(page);
        // A settled level draws names 12 (13 bold) to 15 (16.4) px high on screen.
        return (
          drawing.labels.length > 0 &&
          drawing.labels.every((label) => label.fontPx >= 11.9 && label.fontPx <= 16.5)
        );
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
  return drawing;
}

describe('station names', () => {
  it('are readable and overlap nothing at the default zoom', async () => {
    const page = await open();
    const drawing = await settledDrawing(page);
    expect(drawing.zoom).toBeLessThan(0.6);
    expect(labelProblems(drawing)).toEqual([]);
    // A useful share of the names, and interchanges among them.
    const stations = drawing.markers.filter((marker) => marker.classes.includes('station'));
    expect(drawing.labels.length).toBeGreaterThan(stations.length / 8);
    const interchanges = new Set(
      stations.filter((marker) => marker.classes.includes('interchange')).map((m) => m.id),
    );
    expect(drawing.labels.some((label) => interchanges.has(label.id))).toBe(true);
    await page.screenshot({ path: `${SHOTS}default-zoom.png` });
  });

  it('add more names when zoomed in, still without overlaps', async () => {
    const page = await open();
    const far = await settledDrawing(page);
    await page.locator(`${MAP}`).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect
      .poll(async () => (await readDrawing(page)).labels.length, { timeout: 15_000 })
      .toBeGreaterThan(far.labels.length);
    const near = await settledDrawing(page);
    expect(near.zoom).toBeGreaterThan(far.zoom * 2);
    // Every name shown when zoomed out is still shown.
    const nearIds = new Set(near.labels.map((label) => label.id));
    expect(far.labels.filter((label) => !nearIds.has(label.id))).toEqual([]);
    expect(labelProblems(near)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}zoomed-in.png` });
  });

  it('always names the selected station', async () => {
    const page = await open();
    const drawing = await settledDrawing(page);
    const shown = new Set(drawing.labels.map((label) => label.id));
    const unnamed = drawing.markers.find(
      (marker) => marker.classes.includes('station') && !shown.has(marker.id),
    );
    expect(unnamed).toBeDefined();
    const page2 = await open(`/?station=${unnamed?.id}`);
    await expect
      .poll(async () => (await readDrawing(page2)).labels.some((l) => l.id === unnamed?.id), {
        timeout: 15_000,
      })
      .toBe(true);
  });
});

describe('station markers', () => {
  it('draw interchanges as capsules across their lines, units square, termini filled', async () => {
    const page = await open();
    const drawing = await readDrawing(page);
    const stations = drawing.markers.filter((marker) => marker.classes.includes('station'));
    const interchanges = stations.filter((marker) => marker.classes.includes('interchange'));
    expect(interchanges.length).toBeGreaterThan(0);
    for (const marker of interchanges) {
      expect(marker.shape, marker.id).toBe('polygon');
    }
    // Where lines run side by side the capsule is longer than it is thick.
    const elongated = interchanges.filter((marker) => {
      const width = marker.box.x2 - marker.box.x1;
      const height = marker.box.y2 - marker.box.y1;
      return Math.max(width, height) > Math.min(width, height) * 1.2;
    });
    expect(elongated.length).toBeGreaterThan(0);
    const units = stations.filter(
      (marker) => marker.classes.includes('unit') && !marker.classes.includes('interchange'),
    );
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) {
      expect(unit.shape).toBe('round-rectangle');
    }
    const plain = stations.filter(
      (marker) => !marker.classes.includes('unit') && !marker.classes.includes('interchange'),
    );
    for (const expert of plain) {
      expect(expert.shape).toBe('ellipse');
    }
    const fills = await page.evaluate((selector) => {
      interface Node {
        classes(): string[];
        pstyle(name: string): { strValue: string };
      }
      const container = document.querySelector(selector) as HTMLElement & {
        _cyreg?: { cy: { nodes(s: string): { map<T>(fn: (node: Node) => T): T[] } } };
      };
      const nodes = container._cyreg?.cy.nodes('node.station') ?? { map: () => [] };
      const all = nodes.map((node) => ({
        classes: node.classes(),
        fill: node.pstyle('background-color').strValue,
      }));
      const plain = (c: string[]) => !c.includes('interchange') && !c.includes('away');
      return {
        termini: all.filter((n) => plain(n.classes) && n.classes.includes('terminus')),
        others: all.filter((n) => plain(n.classes) && !n.classes.includes('terminus')),
        interchanges: all.filter(
          (n) => n.classes.includes('interchange') && !n.classes.includes('away'),
        ),
      };
    }, MAP);
    expect(fills.termini.length).toBeGreaterThan(0);
    // Termini are filled with their line's colour; other stations are white.
    expect(fills.termini.every((node) => node.fill !== 'rgb(255,255,255)')).toBe(true);
    expect(fills.others.every((node) => node.fill === 'rgb(255,255,255)')).toBe(true);
    expect(fills.interchanges.every((node) => node.fill === 'rgb(255,255,255)')).toBe(true);

    // Zoomed onto the most elongated capsule, for the screenshot.
    const widest = [...elongated].sort(
      (a, b) =>
        b.box.y2 - b.box.y1 + b.box.x2 - b.box.x1 - (a.box.y2 - a.box.y1 + a.box.x2 - a.box.x1),
    )[0];
    const page2 = await open(`/?station=${widest?.id}`);
    await page2.waitForTimeout(500);
    await page2.screenshot({ path: `${SHOTS}interchange-capsule.png` });
  });
});
