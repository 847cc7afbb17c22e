/**
 * `npm run bench:map`: in headless Chromium, the time from navigation to a drawn, interactive
 * metro map (the map container reports data-ready and a frame has been painted since) at demo
 * scale and with a national network, and frame times while panning and zooming the national
 * map. The real server, the real built app, a real Neo4j. Results go to bench/RESULTS.md.
 *
 *   --runs N          navigations per scale (default 5)
 *   --experts N       experts in the national network (default 5000)
 *   --baseline DIR    another built web app (e.g. `vite build --outDir` of main before a
 *                     change) to measure side by side: navigations alternate between the two,
 *                     served by the same server code and database, so the ratio holds even on a
 *                     busy machine
 *
 * Besides wall time it reports the page's main-thread CPU time (Chromium's ThreadTime metric),
 * which other load on a shared machine inflates far less, and where the time went, from the
 * app's `performance.mark`s (see MAP_MARKS in web/src/lib/network-map-request.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { launchChromium } from '../../tests/support/browser.ts';
import { MAP_MARKS } from '../../web/src/lib/network-map-request.ts';
import { startBenchDatabase } from '../bench-database.ts';
import { appendResults, machineDescription, percentile } from '../bench-results.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    experts: { type: 'string', default: '5000' },
    baseline: { type: 'string' },
  },
});
const baselineRoot = values.baseline === undefined ? undefined : resolve(values.baseline);
if (baselineRoot !== undefined && !existsSync(join(baselineRoot, 'index.html'))) {
  throw new Error(`--baseline ${values.baseline} holds no built web app (index.html)`);
}
const runs = Number(values.runs);
const rootDir = fileURLToPath(new URL('../..', import.meta.url));
const webRoot = join(rootDir, 'dist', 'bench-web');
const VIEWPORT = { width: 1366, height: 860 };

await build({
  configFile: join(rootDir, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: webRoot, emptyOutDir: true },
});
const bench = await startBenchDatabase('map-bench');
const { database } = bench;
const logger = createLogger('silent');

interface BenchApp {
  label: string;
  url: string;
  server: Server;
  dispose(): Promise<void>;
}

async function serveApp(label: string, root: string): Promise<BenchApp> {
  const { server, yoga } = createApp({ database, logger, webRoot: root });
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
  return {
    label,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    server,
    dispose: async () => {
      await yoga.dispose();
    },
  };
}

const apps = [await serveApp('this build', webRoot)];
if (baselineRoot !== undefined) {
  apps.push(await serveApp('baseline', baselineRoot));
}
const browser = await launchChromium();
const loadBefore = loadavg();

/** One navigation: wall time to a drawn map, main-thread CPU, and the app's marks. */
interface MapLoad {
  drawnMs: number;
  cpuMs: number;
  /** Milliseconds from navigation start to each mark the app set (none in older builds). */
  marks: Record<string, number>;
  /** When the network map request went out, from navigation start. */
  requestSentMs: number;
}

const MAP_READY = '[data-testid="metro-map"][data-ready="true"]';
// Strings, not functions: the bench runs through tsx, whose helpers do not exist in the page.
const NEXT_FRAMES =
  'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))';
const PAGE_TIMINGS = `(() => {
  const marks = Object.fromEntries(performance.getEntriesByType('mark')
    .filter((mark) => mark.name.startsWith('metrokartta:'))
    .map((mark) => [mark.name, mark.startTime]));
  const request = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/graphql'));
  return { marks, requestSentMs: request ? request.startTime : Number.NaN };
})()`;

/** Navigates to the app and waits until the map is interactive and a frame of it is painted. */
async function loadMap(app: BenchApp): Promise<MapLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const started = performance.now();
  await page.goto(app.url);
  await page.locator(MAP_READY).waitFor({ timeout: 120_000 });
  // Two frames after data-ready: the first one Cytoscape draws has been painted by then.
  await page.evaluate(NEXT_FRAMES);
  const drawnMs = performance.now() - started;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const threadTime = metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN;
  const timings = (await page.evaluate(PAGE_TIMINGS)) as Omit<MapLoad, 'drawnMs' | 'cpuMs'>;
  await context.close();
  return { drawnMs, cpuMs: threadTime * 1000, ...timings };
}

/** Frame intervals (ms) while the mouse drags the map around and the wheel zooms it. */
async function frameTimesWhilePanning(app: BenchApp): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(app.url);
  const map = page.locator(MAP_READY);
  await map.waitFor({ timeout: 120_000 });
  await page.evaluate(NEXT_FRAMES);
  const box = await map.boundingBox();
  if (!box) {
    throw new Error('the map has no box');
  }
  await page.evaluate(`(() => {
    const frames = [];
    window.__frames = frames;
    let last = performance.now();
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  for (let sweep = 0; sweep < 3; sweep++) {
    await page.mouse.down();
    for (let step = 0; step < 30; step++) {
      await page.mouse.move(
        centre.x + Math.sin(step / 5) * 200,
        centre.y + Math.cos(step / 5) * 120,
      );
    }
    await page.mouse.up();
    for (let step = 0; step < 10; step++) {
      await page.mouse.wheel(0, sweep % 2 === 0 ? -120 : 120);
    }
  }
  const frames = (await page.evaluate('window.__frames ?? []')) as number[];
  await context.close();
  // The first frame measures the time since the loop was set up, not a frame.
  return frames.slice(1);
}

const median = (samples: readonly number[]) => percentile(samples, 0.5);
const ms = (value: number) => `${value.toFixed(0)} ms`;
const rows: string[] = [];
const breakdown: string[] = [];
try {
  for (const scale of ['demo', 'national'] as const) {
    const graph = generateNetwork({
      scale,
      ...(scale === 'national' ? { experts: Number(values.experts) } : {}),
    });
    await loadSeedGraph(database, graph, { reset: true });
    await refreshMapLayout(database);
    for (const app of apps) {
      await loadMap(app); // warm-up: the server's and the browser's first request
    }
    const loads = new Map<BenchApp, MapLoad[]>(apps.map((app) => [app, []]));
    for (let run = 0; run < runs; run++) {
      for (const app of apps) {
        loads.get(app)?.push(await loadMap(app));
      }
    }
    const label = `${scale} (${graph.stations.length} stations)`;
    const reference = median((loads.get(apps[0] as BenchApp) ?? []).map((load) => load.drawnMs));
    for (const app of apps) {
      const samples = (loads.get(app) ?? []).map((load) => load.drawnMs);
      const cpu = (loads.get(app) ?? []).map((load) => load.cpuMs);
      const ratio = app === apps[0] ? '1.00' : (median(samples) / reference).toFixed(2);
      rows.push(
        `| ${label} | ${app.label} | navigation to drawn, interactive map | ${ms(median(samples))} | ${ms(Math.max(...samples))} | ${ms(median(cpu))} | ${ratio} | ${samples.map((sample) => sample.toFixed(0)).join(', ')} |`,
      );
      console.log(rows.at(-1));
      const appLoads = loads.get(app) ?? [];
      const at = (name: string) => median(appLoads.map((load) => load.marks[name] ?? Number.NaN));
      if (appLoads.some((load) => load.marks[MAP_MARKS.drawn] !== undefined)) {
        breakdown.push(
          `| ${label} | ${app.label} | ${ms(median(appLoads.map((load) => load.requestSentMs)))} | ${ms(at(MAP_MARKS.received))} | ${ms(at(MAP_MARKS.elements))} | ${ms(at(MAP_MARKS.mounted))} | ${ms(at(MAP_MARKS.drawn))} |`,
        );
      }
    }
    if (scale === 'national') {
      for (const app of apps) {
        const frames = await frameTimesWhilePanning(app);
        rows.push(
          `| ${label} | ${app.label} | frame time while panning and zooming | p50 ${percentile(frames, 0.5).toFixed(1)} ms | p95 ${percentile(frames, 0.95).toFixed(1)} ms | – | – | ${frames.length} frames, worst ${Math.max(...frames).toFixed(0)} ms |`,
        );
        console.log(rows.at(-1));
      }
    }
  }
} finally {
  await browser.close();
  for (const app of apps) {
    app.server.closeAllConnections();
    await new Promise<void>((resolveClosed) => app.server.close(() => resolveClosed()));
    await app.dispose();
  }
  await bench.stop();
  rmSync(webRoot, { recursive: true, force: true });
}

const load = (averages: number[]) => averages.map((value) => value.toFixed(1)).join(' / ');
appendResults('metro map in Chromium: time to a drawn, interactive map, frame times', [
  `Machine: ${machineDescription()}; load average (1 / 5 / 15 min) ${load(loadBefore)} at the start, ${load(loadavg())} at the end. Headless Debian Chromium (software rendering, --disable-gpu), viewport ${VIEWPORT.width}×${VIEWPORT.height}, real server and Neo4j on loopback; ${runs} navigations per scale and build after one warm-up, each in a fresh browser context (no cache)${apps.length > 1 ? ', builds alternating' : ''}. Drawn: data-ready and two animation frames later. CPU: the page's main-thread CPU time up to then.`,
  '',
  '| network | build | measurement | median / p50 | max / p95 | CPU median | ratio to this build | samples |',
  '|---|---|---|---:|---:|---:|---:|---|',
  ...rows,
  ...(breakdown.length > 0
    ? [
        '',
        'Where the time goes (medians, ms from navigation start): the network map request sent, its answer received, map elements built, Cytoscape mounted, the first frame drawn.',
        '',
        '| network | build | request sent | answer received | elements built | mounted | drawn |',
        '|---|---|---:|---:|---:|---:|---:|',
        ...breakdown,
      ]
    : []),
]);
