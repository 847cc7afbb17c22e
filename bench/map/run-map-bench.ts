/**
 * `npm run bench:map`: in headless Chromium, the time from navigation to a rendered, interactive
 * metro map (the map container reports data-ready) at demo scale and with a national network, and
 * frame times while panning and zooming the national map. The real server, the real built app, a
 * real Neo4j. Results go to bench/RESULTS.md.
 *
 *   --runs N      navigations per scale (default 5)
 *   --experts N   experts in the national network (default 5000)
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { refreshMapLayout } from '../../server/src/features/map/map-layout.service.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { launchChromium } from '../../tests/support/browser.ts';
import { startBenchDatabase } from '../bench-database.ts';
import { appendResults, machineDescription, percentile } from '../bench-results.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, experts: { type: 'string', default: '5000' } },
});
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
const { server, yoga } = createApp({ database, logger: createLogger('silent'), webRoot });
await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await launchChromium();

/** Milliseconds from navigation start to the map reporting it is drawn and interactive. */
async function timeToInteractiveMap(): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(appUrl);
  await page.locator('[data-testid="metro-map"][data-ready="true"]').waitFor({ timeout: 120_000 });
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

/** Frame intervals (ms) while the mouse drags the map around and the wheel zooms it. */
async function frameTimesWhilePanning(): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(appUrl);
  const map = page.locator('[data-testid="metro-map"][data-ready="true"]');
  await map.waitFor({ timeout: 120_000 });
  const box = await map.boundingBox();
  if (!box) {
    throw new Error('the map has no box');
  }
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
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

const rows: string[] = [];
try {
  for (const scale of ['demo', 'national'] as const) {
    const graph = generateNetwork({
      scale,
      ...(scale === 'national' ? { experts: Number(values.experts) } : {}),
    });
    await loadSeedGraph(database, graph, { reset: true });
    await refreshMapLayout(database);
    await timeToInteractiveMap(); // warm-up: the server's and the browser's first request
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      samples.push(await timeToInteractiveMap());
    }
    const label = `${scale} (${graph.stations.length} stations)`;
    rows.push(
      `| ${label} | navigation to interactive map | ${percentile(samples, 0.5).toFixed(0)} ms | ${Math.max(...samples).toFixed(0)} ms | ${samples.map((s) => s.toFixed(0)).join(', ')} |`,
    );
    console.log(rows.at(-1));
    if (scale === 'national') {
      const frames = await frameTimesWhilePanning();
      rows.push(
        `| ${label} | frame time while panning and zooming | p50 ${percentile(frames, 0.5).toFixed(1)} ms | p95 ${percentile(frames, 0.95).toFixed(1)} ms | ${frames.length} frames, worst ${Math.max(...frames).toFixed(0)} ms |`,
      );
      console.log(rows.at(-1));
    }
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
  await yoga.dispose();
  await bench.stop();
  rmSync(webRoot, { recursive: true, force: true });
}

appendResults('metro map in Chromium: time to an interactive map, frame times', [
  `Machine: ${machineDescription()}. Headless Debian Chromium (software rendering, --disable-gpu), viewport ${VIEWPORT.width}×${VIEWPORT.height}, real server and Neo4j on loopback; ${runs} navigations per scale after one warm-up, each in a fresh browser context (no cache).`,
  '',
  '| network | measurement | median / p50 | max / p95 | samples |',
  '|---|---|---:|---:|---|',
  ...rows,
]);
