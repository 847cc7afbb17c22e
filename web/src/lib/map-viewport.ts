/**
 * Where the map's viewport goes to show a set of nodes whole. Pure (no Cytoscape): MetroMap
 * hands in node centres and marker sizes from the element data, so fitting never asks Cytoscape
 * for bounding boxes. Those would make it compute the style of every element, labels included,
 * before the first frame: seconds on a national network, for a box the data already gives.
 */

/** A node as fitting sees it: its centre and the width and height of its marker. */
export interface NodeExtent {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ExtentBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A Cytoscape viewport: zoom level and the rendered position of the model origin. */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface FitOptions {
  /** Width and height of the map on screen, in px. */
  width: number;
  height: number;
  /** Space kept free around the nodes on every side, in px. */
  padding: number;
  minZoom: number;
  maxZoom: number;
}

/** The box around every node's marker, or null when there are none. */
export function extentBox(nodes: Iterable<NodeExtent>): ExtentBox | null {
  let box: ExtentBox | null = null;
  for (const node of nodes) {
    const x1 = node.x - node.width / 2;
    const y1 = node.y - node.height / 2;
    const x2 = node.x + node.width / 2;
    const y2 = node.y + node.height / 2;
    if (box === null) {
      box = { x1, y1, x2, y2 };
    } else {
      box.x1 = Math.min(box.x1, x1);
      box.y1 = Math.min(box.y1, y1);
      box.x2 = Math.max(box.x2, x2);
      box.y2 = Math.max(box.y2, y2);
    }
  }
  return box;
}

/**
 * The viewport that shows `box` whole and centred, as large as the padding and the zoom limits
 * allow. Labels are left out on purpose: names too small to be drawn at the fitted zoom would
 * otherwise shrink the map for nothing.
 */
export function fittedViewport(box: ExtentBox, options: FitOptions): Viewport {
  const boxWidth = Math.max(box.x2 - box.x1, 1);
  const boxHeight = Math.max(box.y2 - box.y1, 1);
  const width = Math.max(options.width - 2 * options.padding, 1);
  const height = Math.max(options.height - 2 * options.padding, 1);
  const zoom = Math.min(
    Math.max(Math.min(width / boxWidth, height / boxHeight), options.minZoom),
    options.maxZoom,
  );
  return {
    zoom,
    pan: {
      x: options.width / 2 - ((box.x1 + box.x2) / 2) * zoom,
      y: options.height / 2 - ((box.y1 + box.y2) / 2) * zoom,
    },
  };
}
