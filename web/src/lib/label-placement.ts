/**
 * Where each station's name goes on the metro map, so that names overlap neither each other nor
 * the lines, markers and code badges. Greedy, as on hand-made transit maps: interchanges and
 * termini are labelled first, each label takes the free side that it prefers most (right, rotated
 * up and to the right, left, below, above). Pure and deterministic: unit-tested.
 *
 * Label sizes are estimated from the number of characters; Cytoscape measures the real text,
 * so the boxes carry a little slack.
 */

export type LabelPlacement = 'right' | 'rotated' | 'left' | 'below' | 'above';

/** Preference order; the later a side, the higher its cost when it is free. */
export const LABEL_PLACEMENTS: readonly LabelPlacement[] = [
  'right',
  'rotated',
  'left',
  'below',
  'above',
];

export const LABEL_FONT_SIZE = 11;
export const INTERCHANGE_LABEL_FONT_SIZE = 13;
/** Longer names are cut with an ellipsis at this width (Cytoscape `text-max-width`). */
export const MAX_LABEL_WIDTH = 130;
/** Space between a marker and its label. */
export const LABEL_GAP = 4;
const CHAR_WIDTH = 0.6;
const LINE_HEIGHT = 1.3;
const CELL = 60;

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface LabelledStation {
  id: string;
  x: number;
  y: number;
  /** Marker diameter. */
  markerSize: number;
  text: string;
  fontSize: number;
  /** Higher is labelled first (interchanges, termini). */
  priority: number;
}

/** A drawn line: a segment of a given half width. */
export interface Stroke {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  halfWidth: number;
}

/** The estimated width and height of a label. */
export function labelSize(text: string, fontSize: number): { width: number; height: number } {
  return {
    width: Math.min(text.length * fontSize * CHAR_WIDTH, MAX_LABEL_WIDTH),
    height: fontSize * LINE_HEIGHT,
  };
}

/**
 * The area a label covers, as boxes: one for a horizontal label, a chain of small boxes along
 * the text for a rotated one.
 */
export function labelShape(station: LabelledStation, placement: LabelPlacement): Box[] {
  const { width, height } = labelSize(station.text, station.fontSize);
  const r = station.markerSize / 2 + LABEL_GAP;
  const { x, y } = station;
  switch (placement) {
    case 'right':
      return [{ minX: x + r, minY: y - height / 2, maxX: x + r + width, maxY: y + height / 2 }];
    case 'left':
      return [{ minX: x - r - width, minY: y - height / 2, maxX: x - r, maxY: y + height / 2 }];
    case 'below':
      return [{ minX: x - width / 2, minY: y + r, maxX: x + width / 2, maxY: y + r + height }];
    case 'above':
      return [{ minX: x - width / 2, minY: y - r - height, maxX: x + width / 2, maxY: y - r }];
    case 'rotated': {
      // The baseline runs up and to the right from the marker's upper right; the text sits on
      // its upper left side.
      const start = { x: x + station.markerSize / 2 - 2, y: y - station.markerSize / 2 + 2 };
      const along = { x: Math.SQRT1_2, y: -Math.SQRT1_2 };
      const up = { x: -Math.SQRT1_2, y: -Math.SQRT1_2 };
      const boxes: Box[] = [];
      const half = height / 2;
      for (let t = half; t < width + half; t += height) {
        const cx = start.x + along.x * Math.min(t, width) + up.x * half;
        const cy = start.y + along.y * Math.min(t, width) + up.y * half;
        boxes.push({ minX: cx - half, minY: cy - half, maxX: cx + half, maxY: cy + half });
      }
      return boxes;
    }
  }
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

/** True when the stroke crosses the box (the box grown by the stroke's half width). */
export function strokeHitsBox(stroke: Stroke, box: Box): boolean {
  const minX = box.minX - stroke.halfWidth;
  const maxX = box.maxX + stroke.halfWidth;
  const minY = box.minY - stroke.halfWidth;
  const maxY = box.maxY + stroke.halfWidth;
  // Liang-Barsky clipping of the segment against the grown box.
  const dx = stroke.x2 - stroke.x1;
  const dy = stroke.y2 - stroke.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, stroke.x1 - minX],
    [dx, maxX - stroke.x1],
    [-dy, stroke.y1 - minY],
    [dy, maxY - stroke.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) {
        return false;
      }
    } else {
      const t = q / p;
      if (p < 0) {
        t0 = Math.max(t0, t);
      } else {
        t1 = Math.min(t1, t);
      }
      if (t0 > t1) {
        return false;
      }
    }
  }
  return true;
}

function strokeBox(stroke: Stroke): Box {
  return {
    minX: Math.min(stroke.x1, stroke.x2) - stroke.halfWidth,
    minY: Math.min(stroke.y1, stroke.y2) - stroke.halfWidth,
    maxX: Math.max(stroke.x1, stroke.x2) + stroke.halfWidth,
    maxY: Math.max(stroke.y1, stroke.y2) + stroke.halfWidth,
  };
}

/** A uniform grid over the map: finds what lies near a box without scanning everything. */
class SpatialGrid<T> {
  readonly #cells = new Map<number, T[]>();

  /** Calls `visit` with the key of every cell the box touches. */
  #eachCell(box: Box, visit: (key: number) => void): void {
    const maxX = Math.floor(box.maxX / CELL);
    const maxY = Math.floor(box.maxY / CELL);
    for (let cx = Math.floor(box.minX / CELL); cx <= maxX; cx++) {
      for (let cy = Math.floor(box.minY / CELL); cy <= maxY; cy++) {
        // A number key is much cheaper than a string; maps are far smaller than 2^20 cells wide.
        visit(cx * 1_048_576 + cy);
      }
    }
  }

  insert(box: Box, item: T): void {
    this.#eachCell(box, (key) => {
      const cell = this.#cells.get(key);
      if (cell) {
        cell.push(item);
      } else {
        this.#cells.set(key, [item]);
      }
    });
  }

  near(box: Box): Set<T> {
    const found = new Set<T>();
    this.#eachCell(box, (key) => {
      for (const item of this.#cells.get(key) ?? []) {
        found.add(item);
      }
    });
    return found;
  }
}

/** What a label must keep clear of. */
export interface LabelObstacles {
  strokes: readonly Stroke[];
  /** Markers, badges and anything else drawn as a box. */
  boxes: readonly Box[];
}

const COST_LABEL = 10;
const COST_BOX = 8;
const COST_STROKE = 5;
const COST_SIDE = 0.6;

/** Places every label; the map gives each station its side. */
export function placeLabels(
  stations: readonly LabelledStation[],
  obstacles: LabelObstacles,
): Map<string, LabelPlacement> {
  const strokes = new SpatialGrid<Stroke>();
  for (const stroke of obstacles.strokes) {
    strokes.insert(strokeBox(stroke), stroke);
  }
  const boxes = new SpatialGrid<Box>();
  for (const box of obstacles.boxes) {
    boxes.insert(box, box);
  }
  const labels = new SpatialGrid<Box>();
  const order = [...stations].sort(
    (a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const placements = new Map<string, LabelPlacement>();
  for (const station of order) {
    // A station's own marker is not in its way.
    const own = markerBox(station);
    let best: LabelPlacement = 'right';
    let bestCost = Number.POSITIVE_INFINITY;
    let bestShape: Box[] = [];
    LABEL_PLACEMENTS.forEach((placement, rank) => {
      const shape = labelShape(station, placement);
      let cost = rank * COST_SIDE;
      for (const part of shape) {
        for (const label of labels.near(part)) {
          cost += boxesOverlap(part, label) ? COST_LABEL : 0;
        }
        for (const box of boxes.near(part)) {
          cost += box !== own && !sameBox(box, own) && boxesOverlap(part, box) ? COST_BOX : 0;
        }
        for (const stroke of strokes.near(part)) {
          cost += strokeHitsBox(stroke, part) ? COST_STROKE : 0;
        }
      }
      if (cost < bestCost) {
        best = placement;
        bestCost = cost;
        bestShape = shape;
      }
    });
    placements.set(station.id, best);
    for (const part of bestShape) {
      labels.insert(part, part);
    }
  }
  return placements;
}

/** The box of a station's marker. */
export function markerBox(station: Pick<LabelledStation, 'x' | 'y' | 'markerSize'>): Box {
  const r = station.markerSize / 2;
  return { minX: station.x - r, minY: station.y - r, maxX: station.x + r, maxY: station.y + r };
}

function sameBox(a: Box, b: Box): boolean {
  return a.minX === b.minX && a.minY === b.minY && a.maxX === b.maxX && a.maxY === b.maxY;
}

/**
 * Overlaps of placed labels with each other and with the obstacles: the quality figure the
 * placement keeps low (0 is the goal where the map has room).
 */
export function countLabelOverlaps(
  stations: readonly LabelledStation[],
  placements: ReadonlyMap<string, LabelPlacement>,
  obstacles: LabelObstacles,
): { labels: number; strokes: number; boxes: number } {
  const shapes = stations.map((station) => ({
    station,
    shape: labelShape(station, placements.get(station.id) ?? 'right'),
  }));
  let labels = 0;
  let strokes = 0;
  let boxes = 0;
  shapes.forEach(({ station, shape }, index) => {
    const own = markerBox(station);
    for (const other of shapes.slice(index + 1)) {
      if (shape.some((a) => other.shape.some((b) => boxesOverlap(a, b)))) {
        labels++;
      }
    }
    strokes += obstacles.strokes.filter((stroke) =>
      shape.some((part) => strokeHitsBox(stroke, part)),
    ).length;
    boxes += obstacles.boxes.filter(
      (box) => !sameBox(box, own) && shape.some((part) => boxesOverlap(part, box)),
    ).length;
  });
  return { labels, strokes, boxes };
}
