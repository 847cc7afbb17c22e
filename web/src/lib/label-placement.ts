/**
 * Which station names the metro map shows at each zoom, and on which side of the marker, so that
 * the names shown never overlap each other, the lines, the markers or the code badges. Pure and
 * deterministic: unit-tested, and measured in bench/layout.
 *
 * Names keep the same size on screen at every zoom, so a zoomed-out map has room for fewer of
 * them. The zooms are cut into levels (LABEL_ZOOMS); at level k a name is drawn
 * `fontPx / LABEL_ZOOMS[k]` map units high, and the names shown are chosen greedily, most
 * important first, as on hand-made transit maps: interchanges, then termini, then units, then
 * the other experts. Each takes the first free side in LABEL_PLACEMENTS; a name that has no free
 * side waits for a closer level. A name shown at level k keeps its side at every closer level,
 * where it only gets smaller in map units, so it stays clear there too: zooming in only ever adds
 * names. At the closest level every remaining name is drawn on its least crowded side, so that
 * each name can be read somewhere.
 *
 * Label boxes follow Cytoscape's geometry: a label beside the marker starts `LABEL_GAP` beyond the
 * node's box, is `fontSize` high and as wide as the text measures (cut at the level's maximum
 * width), plus its background padding.
 */

export type LabelPlacement =
  | 'right'
  | 'left'
  | 'upper-right'
  | 'lower-right'
  | 'upper-left'
  | 'lower-left'
  | 'above'
  | 'below';

/** Preference order: beside the marker first, then at its corners, then over and under it. */
export const LABEL_PLACEMENTS: readonly LabelPlacement[] = [
  'right',
  'left',
  'upper-right',
  'lower-right',
  'upper-left',
  'lower-left',
  'above',
  'below',
];

/** On-screen font size of a name, in px. */
export const LABEL_FONT_PX = 12;
/** On-screen font size of an interchange's name (drawn bold), in px. */
export const IMPORTANT_LABEL_FONT_PX = 13;
/** Longer names are cut with an ellipsis at this on-screen width (Cytoscape `text-max-width`). */
export const MAX_LABEL_PX = 150;
/** Space between a marker's box and its label, in map units (room for the marker's border). */
export const LABEL_GAP = 6;
/** The label's white background reaches this far beyond the text, in map units. */
export const LABEL_PADDING = 1;
/** Free space kept around every label's background, on screen in px... */
export const LABEL_CLEARANCE_PX = 2;
/** ...and at least this much in map units, as Cytoscape's own label bounds reach 2 further. */
const MIN_CLEARANCE = 1.5;

/**
 * The zoom at which each label level starts: from 1/32 to 2.5, each a third of an octave (x1.26)
 * above the one before, so a name grows at most 26 % on screen before the next level redraws it.
 */
export const LABEL_ZOOMS: readonly number[] = Array.from({ length: 20 }, (_, k) =>
  Number((2 ** ((k - 15) / 3)).toFixed(4)),
);

/** The label level in force at `zoom`: the closest level at or below it, -1 when below all. */
export function labelLevelForZoom(zoom: number, zooms: readonly number[] = LABEL_ZOOMS): number {
  let level = -1;
  for (let k = 0; k < zooms.length; k++) {
    // A little tolerance: a fit computed as 0.49999 should still count as level 0.5.
    if ((zooms[k] as number) <= zoom * 1.0001) {
      level = k;
    }
  }
  return level;
}

/** Font size and maximum width of the labels of level `level`, in map units. */
export function labelFont(
  level: number,
  important: boolean,
  zooms: readonly number[] = LABEL_ZOOMS,
): { fontSize: number; maxWidth: number } {
  const zoom = zooms[Math.max(0, Math.min(level, zooms.length - 1))] as number;
  const px = important ? IMPORTANT_LABEL_FONT_PX : LABEL_FONT_PX;
  return { fontSize: px / zoom, maxWidth: MAX_LABEL_PX / zoom };
}

/** Width of `text` in px at `fontSize` px, bold or not. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

/**
 * A width estimate for where no canvas is at hand (tests, benchmarks): generous, so that real
 * text is rarely wider.
 */
export const estimateTextWidth: MeasureText = (text, fontSize, bold) =>
  Math.ceil(text.length * fontSize * (bold ? 0.64 : 0.6));

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
  /** The marker's box (Cytoscape `width` and `height`, border not included). */
  width: number;
  height: number;
  text: string;
  /** Interchanges: drawn bold and larger. */
  important: boolean;
  /** Higher is labelled first (interchanges, termini, units). */
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

/** What a label must keep clear of. */
export interface LabelObstacles {
  strokes: readonly Stroke[];
  /** Markers, badges and anything else drawn as a box. */
  boxes: readonly Box[];
}

/** Where a station's name is drawn: from `level` on (index into the zooms), on `side`. */
export interface LabelPlan {
  level: number;
  side: LabelPlacement;
}

export interface LabelOptions {
  zooms?: readonly number[];
  measure?: MeasureText;
}

/** A label's text size at a level, and the room it keeps around itself, in map units. */
export interface LabelSize {
  width: number;
  height: number;
  /** Free space kept around the label's background: LABEL_CLEARANCE_PX on screen. */
  clearance: number;
}

/** The clearance of a label at a level's zoom, in map units. */
export function labelClearance(zoom: number): number {
  return Math.max(MIN_CLEARANCE, LABEL_CLEARANCE_PX / zoom);
}

/** The label's width and height at a level, in map units. */
export function labelSize(
  station: Pick<LabelledStation, 'text' | 'important'>,
  level: number,
  options: LabelOptions = {},
): LabelSize {
  const zooms = options.zooms ?? LABEL_ZOOMS;
  const measure = options.measure ?? estimateTextWidth;
  const { fontSize, maxWidth } = labelFont(level, station.important, zooms);
  const px = station.important ? IMPORTANT_LABEL_FONT_PX : LABEL_FONT_PX;
  // Measured at the on-screen size and scaled: text width is proportional to the font size.
  const width = (measure(station.text, px, station.important) * fontSize) / px;
  const zoom = zooms[Math.max(0, Math.min(level, zooms.length - 1))] as number;
  return { width: Math.min(width, maxWidth), height: fontSize, clearance: labelClearance(zoom) };
}

/** Where each side puts its text: -1 before the marker, 0 centred on it, 1 beyond it. */
const SIDE_DIRECTIONS: Record<LabelPlacement, readonly [number, number]> = {
  right: [1, 0],
  left: [-1, 0],
  'upper-right': [1, -1],
  'lower-right': [1, 1],
  'upper-left': [-1, -1],
  'lower-left': [-1, 1],
  above: [0, -1],
  below: [0, 1],
};

/** The extent of a label along one axis: [min, max], relative to the station's centre. */
function extent(direction: number, half: number, length: number, near: number, far: number) {
  if (direction > 0) {
    return [half + LABEL_GAP - near, half + LABEL_GAP + length + far];
  }
  if (direction < 0) {
    return [-half - LABEL_GAP - length - far, -half - LABEL_GAP + near];
  }
  return [-length / 2 - far, length / 2 + far];
}

/**
 * The box a label keeps to itself, in map units: its text, its background and its clearance.
 * The clearance shrinks with the level like the text, so a closer level's box lies inside a
 * farther one's; towards its own marker a label keeps only the background and the smallest
 * clearance, so that it never reaches back over the station's own lines.
 */
export function labelBox(station: LabelledStation, side: LabelPlacement, size: LabelSize): Box {
  const [dx, dy] = SIDE_DIRECTIONS[side];
  const near = LABEL_PADDING + MIN_CLEARANCE;
  const far = LABEL_PADDING + Math.max(size.clearance, MIN_CLEARANCE);
  const [minX, maxX] = extent(dx, station.width / 2, size.width, near, far) as [number, number];
  const [minY, maxY] = extent(dy, station.height / 2, size.height, near, far) as [number, number];
  return {
    minX: station.x + minX,
    minY: station.y + minY,
    maxX: station.x + maxX,
    maxY: station.y + maxY,
  };
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
  const { x1, y1, x2, y2 } = stroke;
  // Quick rejection by the stroke's own box: most strokes near a label miss it.
  if (
    Math.max(x1, x2) < minX ||
    Math.min(x1, x2) > maxX ||
    Math.max(y1, y2) < minY ||
    Math.min(y1, y2) > maxY
  ) {
    return false;
  }
  // Liang-Barsky clipping of the segment against the grown box (no allocation: it runs often).
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) {
      return q >= 0;
    }
    const t = q / p;
    if (p < 0) {
      t0 = Math.max(t0, t);
    } else {
      t1 = Math.min(t1, t);
    }
    return t0 <= t1;
  };
  return clip(-dx, x1 - minX) && clip(dx, maxX - x1) && clip(-dy, y1 - minY) && clip(dy, maxY - y1);
}

function strokeBox(stroke: Stroke): Box {
  return {
    minX: Math.min(stroke.x1, stroke.x2) - stroke.halfWidth,
    minY: Math.min(stroke.y1, stroke.y2) - stroke.halfWidth,
    maxX: Math.max(stroke.x1, stroke.x2) + stroke.halfWidth,
    maxY: Math.max(stroke.y1, stroke.y2) + stroke.halfWidth,
  };
}

/** The box of a station's marker, its border included. */
export function markerBox(
  station: Pick<LabelledStation, 'x' | 'y' | 'width' | 'height'>,
  border = 0,
): Box {
  const w = station.width / 2 + border / 2;
  const h = station.height / 2 + border / 2;
  return { minX: station.x - w, minY: station.y - h, maxX: station.x + w, maxY: station.y + h };
}

/** A uniform grid over the map: finds what lies near a box without scanning everything. */
class SpatialGrid<T> {
  readonly #cells = new Map<number, T[]>();
  readonly #cell: number;

  constructor(cell: number) {
    this.#cell = cell;
  }

  /** Calls `visit` with the key of every cell the box touches. */
  #eachCell(box: Box, visit: (key: number) => void): void {
    const maxX = Math.floor(box.maxX / this.#cell);
    const maxY = Math.floor(box.maxY / this.#cell);
    for (let cx = Math.floor(box.minX / this.#cell); cx <= maxX; cx++) {
      for (let cy = Math.floor(box.minY / this.#cell); cy <= maxY; cy++) {
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

  /** Calls `visit` with every item in the cells the box touches (an item may come twice). */
  forEach(box: Box, visit: (item: T) => void): void {
    this.#eachCell(box, (key) => {
      for (const item of this.#cells.get(key) ?? []) {
        visit(item);
      }
    });
  }

  /** True when `hit` holds for any item in the cells the box touches. */
  some(box: Box, hit: (item: T) => boolean): boolean {
    let found = false;
    const maxX = Math.floor(box.maxX / this.#cell);
    const maxY = Math.floor(box.maxY / this.#cell);
    for (let cx = Math.floor(box.minX / this.#cell); cx <= maxX && !found; cx++) {
      for (let cy = Math.floor(box.minY / this.#cell); cy <= maxY && !found; cy++) {
        for (const item of this.#cells.get(cx * 1_048_576 + cy) ?? []) {
          if (hit(item)) {
            found = true;
            break;
          }
        }
      }
    }
    return found;
  }

  /** How many distinct items in the cells the box touches satisfy `hit`. */
  count(box: Box, hit: (item: T) => boolean): number {
    const seen = new Set<T>();
    this.#eachCell(box, (key) => {
      for (const item of this.#cells.get(key) ?? []) {
        if (!seen.has(item) && hit(item)) {
          seen.add(item);
        }
      }
    });
    return seen.size;
  }
}

/** Cell size of the grids of obstacles and placed labels, in map units (over a grid step). */
const CELL = 100;
/** Marker borders are at most this wide; a name keeps clear of the whole border. */
const MARKER_BORDER = 4;
/** Levels between the closest level and the first, larger box searched for obstacles. */
const SEARCH_STEP = 4;

/** A fixed obstacle: a line, or a box (a station's own marker is not in its own name's way). */
type Obstacle = { stroke: Stroke } | { box: Box; owner: number };

function byPriority(a: LabelledStation, b: LabelledStation): number {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Plans every station's label: from which level on it is shown, and on which side. Markers of
 * the stations themselves are obstacles too (a name never covers another station).
 *
 * A label only shrinks towards its marker from one level to the next, so a side that is clear of
 * an obstacle at one level is clear of it at every closer level. Each side's first level clear
 * of the fixed obstacles (lines, markers, badges) is therefore found once: the obstacles in the
 * side's label box at a farther level are gathered from a grid, and for each the first level
 * that clears it is found by bisection. The level-by-level pass then only checks the names
 * placed so far, which sit in one grid at their largest and are sized to the level when checked.
 */
export function placeLabels(
  stations: readonly LabelledStation[],
  obstacles: LabelObstacles,
  options: LabelOptions = {},
): Map<string, LabelPlan> {
  const zooms = options.zooms ?? LABEL_ZOOMS;
  const measure = options.measure ?? estimateTextWidth;
  const last = zooms.length - 1;
  const order = stations.map((_, index) => index);
  order.sort((a, b) => byPriority(stations[a] as LabelledStation, stations[b] as LabelledStation));
  // Text measured once, at its on-screen size: a level divides it by the level's zoom.
  const widthPx = stations.map((station) =>
    Math.min(
      measure(
        station.text,
        station.important ? IMPORTANT_LABEL_FONT_PX : LABEL_FONT_PX,
        station.important,
      ),
      MAX_LABEL_PX,
    ),
  );
  const boxAt = (index: number, side: LabelPlacement, level: number): Box => {
    const station = stations[index] as LabelledStation;
    const zoom = zooms[level] as number;
    const px = station.important ? IMPORTANT_LABEL_FONT_PX : LABEL_FONT_PX;
    return labelBox(station, side, {
      width: (widthPx[index] as number) / zoom,
      height: px / zoom,
      clearance: labelClearance(zoom),
    });
  };

  const fixed = new SpatialGrid<Obstacle>(CELL);
  for (const stroke of obstacles.strokes) {
    fixed.insert(strokeBox(stroke), { stroke });
  }
  stations.forEach((station, index) => {
    const box = markerBox(station, MARKER_BORDER);
    fixed.insert(box, { box, owner: index });
  });
  for (const box of obstacles.boxes) {
    fixed.insert(box, { box, owner: -1 });
  }
  const blocks = (obstacle: Obstacle, index: number, box: Box): boolean =>
    'stroke' in obstacle
      ? strokeHitsBox(obstacle.stroke, box)
      : obstacle.owner !== index && boxesOverlap(obstacle.box, box);

  /** The first level at which a side is clear of every fixed obstacle (last + 1: never). */
  const firstClear = (index: number, side: LabelPlacement): number => {
    // Most sides along a station's own lines are blocked even at the closest level: settle
    // those with one cheap look.
    const closest = boxAt(index, side, last);
    if (fixed.some(closest, (obstacle) => blocks(obstacle, index, closest))) {
      return last + 1;
    }
    for (let from = Math.max(0, last - SEARCH_STEP); ; from = Math.max(0, from - SEARCH_STEP)) {
      const search = boxAt(index, side, from);
      let clearFrom = from;
      fixed.forEach(search, (obstacle) => {
        if (!blocks(obstacle, index, search)) {
          return;
        }
        // Blocked at `from`: bisect for the first closer level this obstacle no longer blocks.
        let low = from + 1;
        let high = last + 1;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (blocks(obstacle, index, boxAt(index, side, middle))) {
            low = middle + 1;
          } else {
            high = middle;
          }
        }
        clearFrom = Math.max(clearFrom, low);
      });
      // Whatever blocks a closer level lies inside this box, so a blocked box settles it.
      if (clearFrom > from || from === 0) {
        return clearFrom;
      }
    }
  };
  const clearLevels = stations.map((_, index) =>
    LABEL_PLACEMENTS.map((side) => firstClear(index, side)),
  );

  const plans = new Map<string, LabelPlan>();
  /** Placed names, at their largest (the level they first show at). */
  const placed = new SpatialGrid<number>(CELL);
  const placedSide: Array<LabelPlacement | undefined> = [];
  const freeOfNames = (box: Box, level: number): boolean =>
    !placed.some(box, (other) =>
      boxesOverlap(boxAt(other, placedSide[other] as LabelPlacement, level), box),
    );
  const place = (index: number, side: LabelPlacement, level: number) => {
    plans.set((stations[index] as LabelledStation).id, { level, side });
    placedSide[index] = side;
    placed.insert(boxAt(index, side, level), index);
  };
  for (let level = 0; level <= last; level++) {
    for (const index of order) {
      if (placedSide[index] !== undefined) {
        continue;
      }
      const clear = clearLevels[index] as number[];
      for (let rank = 0; rank < LABEL_PLACEMENTS.length; rank++) {
        const side = LABEL_PLACEMENTS[rank] as LabelPlacement;
        if ((clear[rank] as number) <= level && freeOfNames(boxAt(index, side, level), level)) {
          place(index, side, level);
          break;
        }
      }
    }
  }
  // The closest level: every name is drawn somewhere, on its least crowded side.
  for (const index of order) {
    if (placedSide[index] !== undefined) {
      continue;
    }
    let best: LabelPlacement = 'right';
    let bestCost = Number.POSITIVE_INFINITY;
    LABEL_PLACEMENTS.forEach((side, rank) => {
      const box = boxAt(index, side, last);
      const names = placed.count(box, (other) =>
        boxesOverlap(boxAt(other, placedSide[other] as LabelPlacement, last), box),
      );
      const things = new Set<Obstacle>();
      fixed.forEach(box, (obstacle) => {
        if (blocks(obstacle, index, box)) {
          things.add(obstacle);
        }
      });
      const cost = 10 * names + 6 * things.size + 0.1 * rank;
      if (cost < bestCost) {
        best = side;
        bestCost = cost;
      }
    });
    place(index, best, last);
  }
  return plans;
}

/** What the labels shown at one level overlap: each other, lines, and markers or badges. */
export interface LabelOverlaps {
  /** Labels drawn at this level. */
  shown: number;
  /** Pairs of shown labels that overlap. */
  labels: number;
  /** (label, line segment) pairs that overlap. */
  strokes: number;
  /** (label, other station's marker or badge) pairs that overlap. */
  boxes: number;
}

/**
 * Counts the overlaps of the labels shown at `level`, by brute force and independently of the
 * placement's own bookkeeping: the figure the placement keeps at 0 below the closest level.
 */
export function countLabelOverlaps(
  stations: readonly LabelledStation[],
  plans: ReadonlyMap<string, LabelPlan>,
  obstacles: LabelObstacles,
  level: number,
  options: LabelOptions = {},
): LabelOverlaps {
  const shown = stations.flatMap((station) => {
    const plan = plans.get(station.id);
    return plan && plan.level <= level
      ? [{ station, box: labelBox(station, plan.side, labelSize(station, level, options)) }]
      : [];
  });
  const markers = stations.map((station) => ({
    owner: station.id,
    box: markerBox(station, MARKER_BORDER),
  }));
  const grid = new SpatialGrid<number>(Math.max(40, 4 * labelFont(level, false).fontSize));
  shown.forEach(({ box }, index) => {
    grid.insert(box, index);
  });
  let labels = 0;
  shown.forEach(({ box }, index) => {
    labels += grid.count(
      box,
      (other) => other > index && boxesOverlap(box, shown[other]?.box as Box),
    );
  });
  let strokes = 0;
  let boxes = 0;
  for (const { station, box } of shown) {
    strokes += obstacles.strokes.filter((stroke) => strokeHitsBox(stroke, box)).length;
    boxes += markers.filter(
      (marker) => marker.owner !== station.id && boxesOverlap(marker.box, box),
    ).length;
    boxes += obstacles.boxes.filter((other) => boxesOverlap(other, box)).length;
  }
  return { shown: shown.length, labels, strokes, boxes };
}
