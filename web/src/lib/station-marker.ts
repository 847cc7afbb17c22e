/**
 * The shape of a station's marker on the metro map. An interchange is drawn as on printed metro
 * maps: a white capsule (pill) laid across the lanes of the lines that meet there, so that one
 * marker visibly spans every line; where the lines cross at one point it is a large ring. A unit
 * that is an interchange gets a rounded rectangle instead of a pill, so that units stay
 * recognisable. Pure: unit-tested, free of Cytoscape.
 *
 * The shape is a polygon in Cytoscape's `shape-polygon-points` convention: x and y in [-1, 1]
 * relative to the node's width and height, which are the polygon's bounding box.
 */

export interface MarkerPoint {
  x: number;
  y: number;
}

export interface MarkerShape {
  /** Bounding box of the marker, in map units (Cytoscape `width` and `height`). */
  width: number;
  height: number;
  /** Outline as x, y pairs in [-1, 1] of the half width and half height. */
  polygon: number[];
  /** Direction of the capsule's long axis in degrees (0, 45, 90 or 135); 0 for a ring. */
  angle: number;
}

/** Radius of an interchange ring where the lines cross at one point, in map units. */
export const INTERCHANGE_RADIUS = 10;

/** Points on each rounded end of a pill: enough to look round when zoomed in. */
const ARC_STEPS = 10;
/** Corner radius of a unit's rectangle, as a share of its half thickness. */
const UNIT_CORNER = 0.4;
const AXES = [0, 45, 90, 135];

function round3(value: number): number {
  return Math.round(value * 1000) / 1000 || 0;
}

/** Points on an arc around `centre`, from `from` to `to` degrees. */
function arc(centre: MarkerPoint, radius: number, from: number, to: number, steps: number) {
  const points: MarkerPoint[] = [];
  for (let step = 0; step <= steps; step++) {
    const angle = ((from + ((to - from) * step) / steps) * Math.PI) / 180;
    points.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  }
  return points;
}

/**
 * The outline of a capsule whose core runs from -half to +half along `angle` degrees, with
 * `radius` around it: round ends for a pill, slightly rounded corners for a unit.
 */
function capsuleOutline(
  half: number,
  radius: number,
  angle: number,
  corners: 'round' | 'square',
): MarkerPoint[] {
  const a = (angle * Math.PI) / 180;
  const axis = { x: Math.cos(a), y: Math.sin(a) };
  const end = (sign: number): MarkerPoint => ({ x: sign * half * axis.x, y: sign * half * axis.y });
  if (corners === 'round') {
    return [
      ...arc(end(1), radius, angle - 90, angle + 90, ARC_STEPS),
      ...arc(end(-1), radius, angle + 90, angle + 270, ARC_STEPS),
    ];
  }
  // A rectangle reaching `radius` beyond each end, with rounded corners.
  const r = radius * UNIT_CORNER;
  const along = half + radius - r;
  const across = radius - r;
  const normal = { x: -axis.y, y: axis.x };
  const corner = (s: number, t: number): MarkerPoint => ({
    x: s * along * axis.x + t * across * normal.x,
    y: s * along * axis.y + t * across * normal.y,
  });
  return [
    ...arc(corner(1, -1), r, angle - 90, angle, 3),
    ...arc(corner(1, 1), r, angle, angle + 90, 3),
    ...arc(corner(-1, 1), r, angle + 90, angle + 180, 3),
    ...arc(corner(-1, -1), r, angle + 180, angle + 270, 3),
  ];
}

/**
 * The interchange marker covering every lane that ends at the station: `laneEnds` are where the
 * centre lines of the station's segments meet it, relative to the station (0, 0 for a line in
 * the middle of its segment). The capsule is centred on the station, laid along whichever
 * octilinear axis covers the lanes with the smallest marker, and reaches `radius` beyond the
 * outermost lane on every side.
 */
export function interchangeMarker(
  laneEnds: readonly MarkerPoint[],
  options: { radius?: number; corners?: 'round' | 'square' } = {},
): MarkerShape {
  const radius = options.radius ?? INTERCHANGE_RADIUS;
  const corners = options.corners ?? 'round';
  // Most interchanges share a handful of shapes (a ring, a pill across two lanes...): a big map
  // computes each once.
  const key = `${radius}|${corners}|${laneEnds
    .map((point) => `${point.x},${point.y}`)
    .sort()
    .join(' ')}`;
  const known = shapes.get(key);
  if (known) {
    return known;
  }
  const shape = computeMarker(laneEnds, radius, corners);
  if (shapes.size > MAX_SHAPES) {
    shapes.clear();
  }
  shapes.set(key, shape);
  return shape;
}

/** Shapes computed so far, by lane ends, radius and corners. */
const shapes = new Map<string, MarkerShape>();
const MAX_SHAPES = 1000;

function computeMarker(
  laneEnds: readonly MarkerPoint[],
  radius: number,
  corners: 'round' | 'square',
): MarkerShape {
  let best = { angle: 0, half: 0, across: 0, area: Number.POSITIVE_INFINITY };
  for (const angle of AXES) {
    const a = (angle * Math.PI) / 180;
    let half = 0;
    let across = 0;
    for (const point of laneEnds) {
      half = Math.max(half, Math.abs(point.x * Math.cos(a) + point.y * Math.sin(a)));
      across = Math.max(across, Math.abs(-point.x * Math.sin(a) + point.y * Math.cos(a)));
    }
    const thickness = radius + across;
    const area = 4 * half * thickness + Math.PI * thickness * thickness;
    // Strictly smaller only: ties keep the earlier axis, so the result is deterministic.
    if (area < best.area - 1e-9) {
      best = { angle, half, across, area };
    }
  }
  const outline = capsuleOutline(best.half, radius + best.across, best.angle, corners);
  const halfWidth = Math.max(...outline.map((point) => Math.abs(point.x)));
  const halfHeight = Math.max(...outline.map((point) => Math.abs(point.y)));
  return {
    width: round3(2 * halfWidth),
    height: round3(2 * halfHeight),
    polygon: outline.flatMap((point) => [
      round3(point.x / halfWidth),
      round3(point.y / halfHeight),
    ]),
    angle: best.half > 0 ? best.angle : 0,
  };
}
