/**
 * `npm run bench:api`: latency of the API's heaviest reads, side by side in one run with
 *   (a) raw Cypher: the same repository queries through neo4j-driver, no GraphQL (the floor),
 *   (b) @neo4j/graphql serving the same graph and the same question (what a Neo4j user would
 *       otherwise pick), and
 *   (c) for routeCase and networkMap: the API with READ_CACHE=false (every request reads Neo4j)
 *       beside the default (answers from memory while the network revision is unchanged), and the
 *       revision read alone (the cached path's only Neo4j read),
 * at demo and national scale. Requests are sequential and interleaved round-robin, so the three
 * variants share the machine's noise; compare the ratios. Results go to bench/RESULTS.md.
 *
 *   --requests N   measured requests per variant and scenario (default 200)
 *   --experts N    experts in the national network (default 5000)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { writeTransaction } from '../../server/src/database/neo4j-driver.ts';
import {
  bumpNetworkRevision,
  readNetworkRevision,
} from '../../server/src/features/audit/audit.repository.ts';
import { NetworkMapRepository } from '../../server/src/features/map/network-map.repository.ts';
import { buildNetworkMap } from '../../server/src/features/map/network-map.ts';
import { RoutingRepository } from '../../server/src/features/routing/routing.repository.ts';
import { SearchRepository } from '../../server/src/features/search/search.repository.ts';
import { buildSearchQueries } from '../../server/src/features/search/search-query.ts';
import { StationRepository } from '../../server/src/features/stations/station.repository.ts';
import { finnishToday } from '../../server/src/graphql/context.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { startBenchDatabase } from '../bench-database.ts';
import { appendResults, machineDescription, percentile } from '../bench-results.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    experts: { type: 'string', default: '5000' },
  },
});
const requests = Number(values.requests);
const WARM_UP = 20;

/** The graph as @neo4j/graphql sees it: the same labels, properties and relationships. */
const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Line @node {
    id: ID!
    code: String!
    number: Int!
    nameFi: String!
    color: String!
    stations: [Station!]! @relationship(type: "ON_LINE", direction: IN, properties: "OnLine")
  }
  type OnLine @relationshipProperties {
    position: Int!
    coordinator: Boolean!
  }
  type Station @node {
    id: ID!
    name: String!
    x: Float
    y: Float
    lines: [Line!]! @relationship(type: "ON_LINE", direction: OUT, properties: "OnLine")
  }
  type Expert @node(labels: ["Expert"]) {
    id: ID!
    name: String!
    title: String
    languages: [String!]
    lines: [Line!]! @relationship(type: "ON_LINE", direction: OUT, properties: "OnLine")
  }
`;

const OUR_MAP = `{ networkMap { lines { code name color } stations { id label x y lineCodes interchange } segments { lineCode from to } } }`;
const THEIR_MAP = `{
  lines(sort: [{ number: ASC }]) { code nameFi color
    stationsConnection(sort: [{ edge: { position: ASC } }]) { edges { node { id } } } }
  stations { id name x y lines(sort: [{ number: ASC }]) { code } } }`;
const OUR_SEARCH = `{ search(text: "kunniaväkivallasta", first: 20) { score kind id label } }`;
const OUR_ROUTE = `{ routeCase(input: { text: "Perheessä epäillään kunniaväkivaltaa ja äiti käyttää päihteitä", municipality: "Nokia", languages: ["ar"] }) { matchedLines { code } itineraries { score explanation stops { line { code } station { id name } reasons } } } }`;
const OUR_EXPERTS = `{ experts(filter: { lineCode: "L8", language: "en" }, first: 50) { totalCount nodes { id name title languages lines { code } } } }`;
const THEIR_EXPERTS = `{
  experts(where: { languages: { includes: "en" }, lines: { some: { code: { eq: "L8" } } } },
          sort: [{ name: ASC }], limit: 50) { id name title languages lines { code } }
  expertsConnection(where: { languages: { includes: "en" }, lines: { some: { code: { eq: "L8" } } } }) { totalCount } }`;

type Variant = { name: string; run: () => Promise<unknown> };

async function timeVariants(variants: Variant[]): Promise<Map<string, number[]>> {
  const samples = new Map(variants.map((variant) => [variant.name, [] as number[]]));
  for (let round = 0; round < WARM_UP + requests; round++) {
    // Rotate the order each round so that no variant always runs first on a cold cache.
    for (let offset = 0; offset < variants.length; offset++) {
      const variant = variants[(round + offset) % variants.length] as Variant;
      const started = performance.now();
      await variant.run();
      if (round >= WARM_UP) {
        samples.get(variant.name)?.push(performance.now() - started);
      }
    }
  }
  return samples;
}

async function graphqlRunner(
  fetchFn: (request: Request) => Promise<Response> | Response,
  query: string,
) {
  return async () => {
    const response = await fetchFn(
      new Request('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }),
    );
    const body = (await response.json()) as { errors?: Array<{ message: string }> };
    if (body.errors) {
      throw new Error(`${query.slice(0, 40)}...: ${body.errors[0]?.message}`);
    }
    return body;
  };
}

const loadBefore = loadavg()
  .map((value) => value.toFixed(2))
  .join(', ');
const bench = await startBenchDatabase('api-bench');
const { database } = bench;
const ours = createApp({ database, logger: createLogger('silent') }).yoga;
const oursUncached = createApp({ database, logger: createLogger('silent'), readCache: false }).yoga;
const theirSchema = await new Neo4jGraphQL({
  typeDefs: NEO4J_GRAPHQL_TYPE_DEFS,
  driver: database.driver,
}).getSchema();
const theirs = createYoga({ schema: theirSchema, graphqlEndpoint: '/graphql', logging: false });
const mapRepository = new NetworkMapRepository(database);
const searchRepository = new SearchRepository(database);
const stationRepository = new StationRepository(database);
const routingRepository = new RoutingRepository(database);
const searchQueries = buildSearchQueries('kunniaväkivallasta');

const CACHED = 'Metrokartta API (read cache)';
const UNCACHED = 'Metrokartta API, READ_CACHE=false';
const REVISION = 'revision read alone';
const lines: string[] = [];
const cacheRows: string[] = [];
const changeRows: string[] = [];

/** `part` as a share of `whole`, in per cent. */
function pct(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)} %`;
}
try {
  for (const scale of ['demo', 'national'] as const) {
    const graph = generateNetwork({
      scale,
      ...(scale === 'national' ? { experts: Number(values.experts) } : {}),
    });
    await loadSeedGraph(database, graph, { reset: true });
    const scenarios: Array<{ scenario: string; variants: Variant[] }> = [
      {
        scenario: 'networkMap',
        variants: [
          {
            name: 'raw Cypher',
            run: async () => buildNetworkMap(await mapRepository.load(), finnishToday()),
          },
          { name: CACHED, run: await graphqlRunner((r) => ours.fetch(r), OUR_MAP) },
          { name: UNCACHED, run: await graphqlRunner((r) => oursUncached.fetch(r), OUR_MAP) },
          { name: REVISION, run: () => readNetworkRevision(database) },
          { name: '@neo4j/graphql', run: await graphqlRunner((r) => theirs.fetch(r), THEIR_MAP) },
        ],
      },
      {
        scenario: 'search',
        variants: [
          {
            name: 'raw Cypher',
            run: () =>
              searchQueries
                ? searchRepository.search(searchQueries, 'FI', 20)
                : Promise.resolve([]),
          },
          { name: 'Metrokartta API', run: await graphqlRunner((r) => ours.fetch(r), OUR_SEARCH) },
        ],
      },
      {
        // "raw Cypher" here is only routing's Neo4j reads (candidates, regions, stations):
        // its ratio to the API is the share of routeCase spent in Neo4j.
        scenario: 'routeCase (2 needs, Nokia, ar)',
        variants: [
          {
            name: 'raw Cypher',
            run: async () => {
              await routingRepository.regionTree();
              const candidates = await routingRepository.candidates(['L8', 'L10'], 'YTA-TAMPERE');
              return stationRepository.findByIds(candidates.slice(0, 6).map((c) => c.id));
            },
          },
          { name: CACHED, run: await graphqlRunner((r) => ours.fetch(r), OUR_ROUTE) },
          { name: UNCACHED, run: await graphqlRunner((r) => oursUncached.fetch(r), OUR_ROUTE) },
          { name: REVISION, run: () => readNetworkRevision(database) },
        ],
      },
      {
        scenario: 'experts (L8, en, first 50)',
        variants: [
          {
            name: 'raw Cypher',
            run: () =>
              stationRepository.listExperts(
                { lineCode: 'L8', language: 'en' },
                { offset: 0, limit: 50 },
                finnishToday(),
              ),
          },
          { name: 'Metrokartta API', run: await graphqlRunner((r) => ours.fetch(r), OUR_EXPERTS) },
          {
            name: '@neo4j/graphql',
            run: await graphqlRunner((r) => theirs.fetch(r), THEIR_EXPERTS),
          },
        ],
      },
    ];
    for (const { scenario, variants } of scenarios) {
      const samples = await timeVariants(variants);
      const cached = samples.get(CACHED);
      const uncached = samples.get(UNCACHED);
      const revision = samples.get(REVISION);
      if (cached && uncached && revision) {
        const p50 = (times: number[]) => percentile(times, 0.5);
        const p95 = (times: number[]) => percentile(times, 0.95);
        const row = `| ${scale} (${graph.stations.length} stations) | ${scenario} | ${p50(uncached).toFixed(1)} / ${p95(uncached).toFixed(1)} | ${pct(percentile(samples.get('raw Cypher') ?? [], 0.5), p50(uncached))} | ${p50(cached).toFixed(1)} / ${p95(cached).toFixed(1)} | ${pct(p50(revision), p50(cached))} | ${(p50(uncached) / p50(cached)).toFixed(1)} × / ${(p95(uncached) / p95(cached)).toFixed(1)} × |`;
        cacheRows.push(row);
        console.log(row);
      }
      const floor = percentile(samples.get('raw Cypher') ?? [], 0.5);
      for (const [variant, times] of samples) {
        const p50 = percentile(times, 0.5);
        const p95 = percentile(times, 0.95);
        const perSecond = 1000 / (times.reduce((sum, t) => sum + t, 0) / times.length);
        const row = `| ${scale} (${graph.stations.length} stations) | ${scenario} | ${variant} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${perSecond.toFixed(0)} | ${(p50 / floor).toFixed(2)} |`;
        lines.push(row);
        console.log(row);
      }
    }
    // The first routeCase after a change reloads the routing snapshot: the price of a change.
    const afterChange: number[] = [];
    const routeOnce = await graphqlRunner((r) => ours.fetch(r), OUR_ROUTE);
    for (let round = 0; round < Math.min(requests, 50); round++) {
      await writeTransaction(database, (tx) => bumpNetworkRevision(tx));
      const started = performance.now();
      await routeOnce();
      afterChange.push(performance.now() - started);
    }
    const row = `| ${scale} (${graph.stations.length} stations) | first routeCase after a change (snapshot reloaded) | ${percentile(afterChange, 0.5).toFixed(1)} / ${percentile(afterChange, 0.95).toFixed(1)} (${afterChange.length} changes) |`;
    changeRows.push(row);
    console.log(row);
  }
} finally {
  await bench.stop();
}

appendResults(
  'API latency: Metrokartta API (read cache on and off) vs raw Cypher vs @neo4j/graphql',
  [
    `Machine: ${machineDescription()}; load average before the run ${loadBefore}. ${requests} sequential requests per variant after ${WARM_UP} warm-up rounds, variants interleaved round-robin; in-process (yoga.fetch, no HTTP). @neo4j/graphql has no equivalent of the multi-index Finnish search or of routing, so those compare with raw Cypher only; for routeCase the raw-Cypher row is the Neo4j reads of the uncached path alone. "${CACHED}" is the default: routeCase, networkMap and lines answer from memory while the network revision is unchanged, which one read per request checks ("${REVISION}"); "${UNCACHED}" reads Neo4j on every request. No write happens during the timed rounds, so the cache stays warm: the last table gives the price of a change.`,
    '',
    '| scale | scenario | variant | p50 ms | p95 ms | requests/s (sequential) | p50 / raw Cypher |',
    '|---|---|---|---:|---:|---:|---:|',
    ...lines,
    '',
    'The read cache, side by side in the same run: p50 / p95 ms, and the share of p50 spent in Neo4j (uncached: the raw-Cypher reads; cached: the revision read).',
    '',
    '| scale | scenario | READ_CACHE=false p50 / p95 | in Neo4j | read cache p50 / p95 | in Neo4j | uncached / cached (p50 / p95) |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...cacheRows,
    '',
    'What a change costs: each round increments the revision (as every edit does), then asks routeCase once.',
    '',
    '| scale | scenario | p50 / p95 ms |',
    '|---|---|---:|',
    ...changeRows,
  ],
);
