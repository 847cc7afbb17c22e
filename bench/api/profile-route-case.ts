/**
 * `npx tsx bench/api/profile-route-case.ts`: where a routeCase at national scale spends its time,
 * piece by piece: the revision read (the read cache's only Neo4j read), reading and indexing the
 * routing snapshot (the price of the first request after a change), the text matcher, narrowing
 * the candidates, planRoutes, and the whole request through Yoga with and without READ_CACHE.
 * Prints p50 / p95 of sequential runs; not a timed test.
 */
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { readNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { createCaseTextMatcher } from '../../server/src/features/routing/case-text-matcher.ts';
import { planRoutes } from '../../server/src/features/routing/route-score.ts';
import { RoutingRepository } from '../../server/src/features/routing/routing.repository.ts';
import {
  buildRoutingSnapshot,
  snapshotRoutingSource,
} from '../../server/src/features/routing/routing-source.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { startBenchDatabase } from '../bench-database.ts';
import { percentile } from '../bench-results.ts';

const TEXT = 'Perheessä epäillään kunniaväkivaltaa ja äiti käyttää päihteitä';
const ROUTE = `{ routeCase(input: { text: "${TEXT}", municipality: "Nokia", languages: ["ar"] }) { matchedLines { code } itineraries { score explanation stops { line { code } station { id name } reasons } } } }`;

async function time(name: string, run: () => unknown, count = 100): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await run();
  }
  const samples: number[] = [];
  for (let round = 0; round < count; round++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const p50 = percentile(samples, 0.5).toFixed(2);
  const p95 = percentile(samples, 0.95).toFixed(2);
  console.log(`| ${name} | ${p50} | ${p95} |`);
}

const bench = await startBenchDatabase('route-profile');
const { database } = bench;
try {
  await loadSeedGraph(database, generateNetwork({ scale: 'national', experts: 5000 }), {
    reset: true,
  });
  const logger = createLogger('silent');
  const cached = createApp({ database, logger }).yoga;
  const uncached = createApp({ database, logger, readCache: false }).yoga;
  const request = (yoga: typeof cached) => async () => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ROUTE }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) {
      throw new Error(JSON.stringify(body.errors));
    }
  };
  const repository = new RoutingRepository(database);
  const snapshot = buildRoutingSnapshot(await repository.snapshot());
  const source = snapshotRoutingSource(snapshot);
  const lines = await source.activeLines();
  const matcher = createCaseTextMatcher(
    lines.map((line) => ({
      code: line.code,
      keywords: line.keywords,
      names: [line.nameFi, line.nameSv, line.nameEn].filter((name): name is string =>
        Boolean(name),
      ),
    })),
  );
  const regions = await source.regionTree();
  const nokia = regions.rows.find((row) => row.name === 'Nokia');
  const [municipality, county, area] = regions.index.ancestors(nokia?.code ?? '536');
  const candidates = await source.candidates(['L8', 'L10'], area ?? null);
  console.log(`${snapshot.stations.size} stations; ${candidates.length} candidates for L8, L10`);
  console.log('| step | p50 ms | p95 ms |\n|---|---:|---:|');
  await time('routeCase through Yoga, read cache', request(cached));
  await time('routeCase through Yoga, READ_CACHE=false', request(uncached));
  await time('revision read (Neo4j)', () => readNetworkRevision(database));
  await time(
    'routing snapshot read and indexed (Neo4j + memory)',
    async () => buildRoutingSnapshot(await repository.snapshot()),
    10,
  );
  await time('text matcher', () => matcher(TEXT));
  await time('candidates narrowed in memory', () => source.candidates(['L8', 'L10'], area ?? null));
  await time('planRoutes', () =>
    planRoutes(
      {
        lines: [
          { lineCode: 'L8', score: 1 },
          { lineCode: 'L10', score: 0.8 },
        ],
        region: { municipality, county, area },
        languages: ['ar'],
        channels: [],
        urgency: 'ROUTINE',
        today: '2026-11-23',
      },
      candidates,
      regions.index,
      { maxItineraries: 3 },
    ),
  );
} finally {
  await bench.stop();
}
