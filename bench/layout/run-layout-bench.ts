/**
 * `npm run bench:layout`: the metro-map layout against plain Cytoscape force layouts (fcose, cose)
 * on the demo network and the synthetic national network, measured with the same quality figures
 * and appended to bench/RESULTS.md with the date and machine.
 *
 *   --runs N       repetitions of each layout (default 3; the median time is reported)
 *   --experts N    experts in the national network (default 5000)
 *   --timeout S    seconds after which a layout run is stopped and reported as timed out (default 60)
 *
 * Station names are placed by the web app's own label placement (web/src/lib/label-placement.ts,
 * through map-elements.ts, with its width estimate instead of a canvas) on each layout, and the
 * names shown at the default zoom (the whole map fitted into the map panel of a 1366 x 860
 * screen) are counted, with their overlaps counted again independently (countLabelOverlaps).
 *
 * Each run is a fresh child process (this same file with `--worker`), so that a force layout that
 * never finishes can be stopped, and every algorithm pays its own start-up alike. Times are of the
 * layout call alone (graph building excluded). Force layouts are not snapped; their positions are
 * only scaled so that their median Segment is one grid step long, which leaves the scale-free
 * figures unchanged and makes the overlap counts comparable.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cytoscape from 'cytoscape';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import type { SeedGraph } from '../../graph-seed/seed-types.ts';
import { type LayoutQuality, measureLayout } from '../../server/src/features/map/layout-quality.ts';
import {
  computeMetroLayout,
  DEFAULT_GRID_SIZE,
  type LayoutLine,
  type Point,
} from '../../server/src/features/map/metro-layout.ts';
import {
  countLabelOverlaps,
  LABEL_ZOOMS,
  type LabelOverlaps,
  labelLevelForZoom,
} from '../../web/src/lib/label-placement.ts';
import { mapLabelling } from '../../web/src/lib/map-elements.ts';
import type { NetworkMap } from '../../web/src/lib/network-map.types.ts';
import { appendResults, machineDescription } from '../bench-results.ts';

type NetworkName = 'demo' | 'national';
type AlgorithmName = 'metro' | 'fcose' | 'cose';

const ALGORITHMS: AlgorithmName[] = ['metro', 'fcose', 'cose'];
/** The map panel of a 1366 x 860 screen (the legend takes the rest), and the fit's padding. */
const PANEL = { width: 1030, height: 795, padding: 40 };
const ALGORITHM_LABELS: Record<AlgorithmName, string> = {
  metro: 'metro-layout (ours)',
  fcose: 'cytoscape fcose',
  cose: 'cytoscape cose',
};

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    experts: { type: 'string', default: '5000' },
    timeout: { type: 'string', default: '60' },
    worker: { type: 'boolean', default: false },
    network: { type: 'string', default: 'demo' },
    algorithm: { type: 'string', default: 'metro' },
  },
});
const nationalExperts = Number(values.experts);

function buildNetwork(name: NetworkName): SeedGraph {
  return name === 'demo'
    ? generateNetwork({ scale: 'demo' })
    : generateNetwork({ scale: 'national', experts: nationalExperts });
}

/** The Lines of a seed graph, each with its Stations in Line order. */
function linesOf(graph: SeedGraph): LayoutLine[] {
  const members = new Map<string, Array<{ stationId: string; position: number }>>();
  for (const station of graph.stations) {
    for (const membership of station.lines) {
      const list = members.get(membership.lineCode) ?? [];
      list.push({ stationId: station.id, position: membership.position });
      members.set(membership.lineCode, list);
    }
  }
  return graph.lines.map((line) => ({
    code: line.code,
    stationIds: (members.get(line.code) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((member) => member.stationId),
  }));
}

/** Stations as nodes, consecutive Stations of each Line as edges (one edge per Segment). */
function cytoscapeElements(lines: readonly LayoutLine[]): cytoscape.ElementDefinition[] {
  const nodes = new Set<string>();
  const edges = new Map<string, cytoscape.ElementDefinition>();
  for (const line of lines) {
    line.stationIds.forEach((id, index) => {
      nodes.add(id);
      const previous = line.stationIds[index - 1];
      if (previous !== undefined && previous !== id) {
        const key = previous < id ? `${previous}|${id}` : `${id}|${previous}`;
        edges.set(key, { data: { id: `e:${key}`, source: previous, target: id } });
      }
    });
  }
  return [...[...nodes].map((id) => ({ data: { id } })), ...edges.values()];
}

interface WorkerResult {
  ms: number;
  positions: Array<[string, number, number]>;
  /** The metro layout's side-by-side order of lines on shared segments. */
  segmentLineOrder?: Array<[string, string[]]>;
}

function runLayout(network: NetworkName, algorithm: AlgorithmName): WorkerResult {
  const lines = linesOf(buildNetwork(network));
  if (algorithm === 'metro') {
    const started = performance.now();
    const layout = computeMetroLayout({ lines });
    const ms = performance.now() - started;
    return {
      ms,
      positions: [...layout.positions].map(([id, point]) => [id, point.x, point.y]),
      segmentLineOrder: [...layout.segmentLineOrder],
    };
  }
  // cytoscape-fcose ships no type declarations; it is a Cytoscape extension.
  const fcose = createRequire(import.meta.url)('cytoscape-fcose') as cytoscape.Ext;
  cytoscape.use(fcose);
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: cytoscapeElements(lines) });
  const options: cytoscape.BaseLayoutOptions & Record<string, unknown> = {
    name: algorithm,
    animate: false,
    randomize: true,
  };
  const started = performance.now();
  cy.layout(options).run();
  const ms = performance.now() - started;
  const positions: WorkerResult['positions'] = cy
    .nodes()
    .map((node) => [node.id(), node.position('x'), node.position('y')]);
  cy.destroy();
  return { ms, positions };
}

if (values.worker) {
  const result = runLayout(values.network as NetworkName, values.algorithm as AlgorithmName);
  process.send?.(result, () => process.exit(0));
} else {
  await runBenchmark();
}

/** One run in a child process; undefined when it did not finish within the timeout. */
function runInChild(
  network: NetworkName,
  algorithm: AlgorithmName,
  timeoutMs: number,
): Promise<WorkerResult | undefined> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(fileURLToPath(import.meta.url), [
      '--worker',
      '--network',
      network,
      '--algorithm',
      algorithm,
      '--experts',
      String(nationalExperts),
    ]);
    let result: WorkerResult | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message) => {
      result = message as WorkerResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) {
        resolve(result);
      } else if (signal === 'SIGKILL') {
        resolve(undefined);
      } else {
        reject(new Error(`${algorithm} on ${network} exited with ${code ?? signal}`));
      }
    });
  });
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Scales force-layout positions so that the median Segment is one grid step long. */
function scaleToGrid(
  lines: readonly LayoutLine[],
  positions: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const lengths: number[] = [];
  for (const line of lines) {
    for (let index = 1; index < line.stationIds.length; index++) {
      const a = positions.get(line.stationIds[index - 1] ?? '');
      const b = positions.get(line.stationIds[index] ?? '');
      if (a && b) {
        lengths.push(Math.hypot(b.x - a.x, b.y - a.y));
      }
    }
  }
  const typical = median(lengths);
  const factor = typical > 0 ? DEFAULT_GRID_SIZE / typical : 1;
  return new Map(
    [...positions].map(([id, point]) => [id, { x: point.x * factor, y: point.y * factor }]),
  );
}

interface Row {
  network: string;
  algorithm: AlgorithmName;
  samples: number[];
  timedOutAfter?: number;
  quality?: LayoutQuality;
  labels?: LabelFigures;
}

interface LabelFigures {
  stations: number;
  defaultZoom: number;
  level: number;
  overlaps: LabelOverlaps;
  ms: number;
}

/** The map the web app would draw from this layout, as the API gives it. */
function networkMapOf(
  graph: SeedGraph,
  lines: readonly LayoutLine[],
  positions: ReadonlyMap<string, Point>,
  lineOrder: ReadonlyMap<string, string[]>,
): NetworkMap {
  const today = new Date().toISOString().slice(0, 10);
  const placed = graph.stations.filter((station) => positions.has(station.id));
  return {
    lines: graph.lines.map((line) => ({
      id: line.id,
      code: line.code,
      name: line.name.fi,
      color: line.color,
    })),
    stations: placed.map((station) => {
      const at = positions.get(station.id) as Point;
      const away = station.kind === 'EXPERT' ? station.awayUntil : undefined;
      const lineCodes = station.lines.map((membership) => membership.lineCode).sort();
      return {
        id: station.id,
        label: station.name,
        kind: station.kind,
        x: at.x,
        y: at.y,
        lineCodes,
        interchange: lineCodes.length > 1,
        awayUntil: away !== undefined && away > today ? away : null,
      };
    }),
    segments: lines.flatMap((line) =>
      line.stationIds.slice(1).map((to, index) => {
        const from = line.stationIds[index] as string;
        const key = from < to ? `${from}|${to}` : `${to}|${from}`;
        const order = lineOrder.get(key);
        const position = order?.indexOf(line.code) ?? -1;
        const centred = order && position >= 0 ? position - (order.length - 1) / 2 : 0;
        return { lineCode: line.code, from, to, offset: from < to ? centred : -centred };
      }),
    ),
  };
}

/** Places the names on a layout and counts what is shown at the default zoom. */
function measureLabels(map: NetworkMap): LabelFigures {
  const started = performance.now();
  const labelling = mapLabelling(map);
  const ms = performance.now() - started;
  const xs = map.stations.map((station) => station.x);
  const ys = map.stations.map((station) => station.y);
  const width = Math.max(Math.max(...xs) - Math.min(...xs), 1);
  const height = Math.max(Math.max(...ys) - Math.min(...ys), 1);
  const defaultZoom = Math.min(
    (PANEL.width - 2 * PANEL.padding) / width,
    (PANEL.height - 2 * PANEL.padding) / height,
  );
  const level = labelLevelForZoom(defaultZoom);
  return {
    stations: map.stations.length,
    defaultZoom,
    level,
    overlaps: countLabelOverlaps(labelling.stations, labelling.plans, labelling.obstacles, level),
    ms,
  };
}

async function runBenchmark(): Promise<void> {
  const runs = Number(values.runs);
  const timeoutSeconds = Number(values.timeout);
  const rows: Row[] = [];
  for (const network of ['demo', 'national'] as const) {
    const graph = buildNetwork(network);
    const lines = linesOf(graph);
    const stations = new Set(lines.flatMap((line) => line.stationIds)).size;
    const label = `${network} (${stations} stations, ${lines.length} lines)`;
    for (const algorithm of ALGORITHMS) {
      const row: Row = { network: label, algorithm, samples: [] };
      for (let run = 0; run < runs; run++) {
        const result = await runInChild(network, algorithm, timeoutSeconds * 1000);
        if (!result) {
          row.timedOutAfter = timeoutSeconds;
          break;
        }
        row.samples.push(Math.round(result.ms));
        if (!row.quality) {
          const raw = new Map(result.positions.map(([id, x, y]) => [id, { x, y }]));
          const positions = algorithm === 'metro' ? raw : scaleToGrid(lines, raw);
          row.quality = measureLayout(lines, positions, { gridSize: DEFAULT_GRID_SIZE });
          row.labels = measureLabels(
            networkMapOf(graph, lines, positions, new Map(result.segmentLineOrder ?? [])),
          );
        }
      }
      console.log(
        `${label} ${algorithm}: ${
          row.timedOutAfter ? `timed out at ${row.timedOutAfter} s` : `${row.samples.join(', ')} ms`
        }`,
      );
      rows.push(row);
    }
  }
  writeResults(rows, runs);
}

function formatRow(row: Row): string {
  const quality = row.quality;
  const time =
    row.timedOutAfter !== undefined
      ? `timed out at ${row.timedOutAfter} s`
      : `${median(row.samples)} (${row.samples.join(', ')})`;
  if (!quality || row.timedOutAfter !== undefined) {
    return `| ${row.network} | ${ALGORITHM_LABELS[row.algorithm]} | – | – | – | – | – | – | ${time} |`;
  }
  return [
    '',
    row.network,
    ALGORITHM_LABELS[row.algorithm],
    `${(quality.octilinearShare * 100).toFixed(1)} %`,
    `${quality.bendsPerLine.average.toFixed(1)} / ${quality.bendsPerLine.max}`,
    String(quality.crossings),
    String(quality.stationOverlaps),
    String(quality.labelOverlaps),
    quality.edgeLengthSpread.toFixed(2),
    time,
    '',
  ]
    .join(' | ')
    .trim();
}

function formatLabelRow(row: Row): string {
  const labels = row.labels;
  if (!labels) {
    return `| ${row.network} | ${ALGORITHM_LABELS[row.algorithm]} | – | – | – | – | – | – |`;
  }
  const { overlaps } = labels;
  return [
    '',
    row.network,
    ALGORITHM_LABELS[row.algorithm],
    labels.defaultZoom.toFixed(3),
    `${overlaps.shown} of ${labels.stations} (${((overlaps.shown / labels.stations) * 100).toFixed(0)} %)`,
    String(overlaps.labels),
    String(overlaps.strokes),
    String(overlaps.boxes),
    labels.ms.toFixed(0),
    '',
  ]
    .join(' | ')
    .trim();
}

function writeResults(rows: readonly Row[], runs: number): void {
  const body = [
    `Machine: ${machineDescription()}. Runs: ${runs}, each in a fresh process (median ms, then all ` +
      'samples). Quality from the first run; fcose and cose are scaled so that their median Segment ' +
      `is ${DEFAULT_GRID_SIZE} px, and not snapped. Bends: average / worst Line. Naive label overlaps: 12 ` +
      'characters at 7 px, 14 px high, right of the Station.',
    '',
    '| network | layout | octilinear | bends per line | crossings | station overlaps | naive label overlaps | edge-length spread (CV) | time ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(formatRow),
    '',
    'Station names at the default zoom (the whole map fitted into the 1030 x 795 map panel of a ' +
      `1366 x 860 screen), placed by web/src/lib/label-placement.ts (${LABEL_ZOOMS.length} zoom ` +
      'levels, names 12 px on screen, widths estimated) and counted again by countLabelOverlaps: ' +
      'overlapping pairs of shown names, (name, line segment) pairs, (name, other marker or badge) ' +
      'pairs. "Naive label overlaps" above puts every name right of its station, drawn or not.',
    '',
    '| network | layout | default zoom | names shown | name-name | name-line | name-marker | placement ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(formatLabelRow),
  ];
  console.log(body.join('\n'));
  appendResults('metro-map layout vs Cytoscape force layouts', body);
}
