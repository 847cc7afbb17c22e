/**
 * Betweenness split over worker threads must be exactly graphology-metrics' betweenness, and
 * the first answer for a large network (sampled sources) must be a close, reproducible estimate.
 */
import { UndirectedGraph } from 'graphology';
import { betweenness as graphologyBetweenness } from 'graphology-metrics/centrality/index.js';
import { describe, expect, it } from 'vitest';
import { analyticsInputOfSeed } from '../../bench/analytics/seed-analytics-input.ts';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import {
  betweennessOf,
  betweennessPart,
  betweennessSources,
  combineBetweenness,
  compactGraph,
  graphOfCompact,
} from '../../server/src/features/analytics/betweenness-parts.ts';
import {
  analyticsWithoutPaths,
  computeNetworkAnalytics,
  stationGraph,
  withBetweenness,
} from '../../server/src/features/analytics/network-analytics.ts';

/** A reproducible random graph: `order` nodes, `edges` edges, possibly disconnected. */
function randomGraph(order: number, edges: number, seed: number): UndirectedGraph {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 48271) + 11) >>> 0;
    return state / 2 ** 32;
  };
  const graph = new UndirectedGraph();
  for (let i = 0; i < order; i += 1) {
    graph.addNode(`n${i}`);
  }
  while (graph.size < edges) {
    const a = `n${Math.floor(random() * order)}`;
    const b = `n${Math.floor(random() * order)}`;
    if (a !== b && !graph.hasEdge(a, b)) {
      graph.addEdge(a, b);
    }
  }
  return graph;
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [node, value] of Object.entries(expected)) {
    expect(actual[node]).toBeCloseTo(value, 10);
  }
}

describe('betweenness split by source station', () => {
  it.each([
    ['a sparse tree-like graph', 60, 70, 1],
    ['a dense graph', 40, 300, 2],
    ['a disconnected graph', 50, 30, 3],
  ])(
    'equals graphology-metrics on %s, whatever the number of parts',
    (_name, order, edges, seed) => {
      const graph = randomGraph(order, edges, seed);
      const expected = graphologyBetweenness(graph, { normalized: true, getEdgeWeight: null });
      expectClose(betweennessOf(graph), expected);

      // Parts computed on rebuilt copies, as the worker threads do, add up to the same.
      const compact = compactGraph(graph);
      const sources = betweennessSources(graph.order, graph.order);
      for (const parts of [2, 3, 7]) {
        const results = Array.from({ length: parts }, (_, part) =>
          betweennessPart(
            graphOfCompact(compact),
            sources.filter((_source, index) => index % parts === part),
          ),
        );
        expectClose(combineBetweenness(compact.nodes, results), expected);
      }
    },
  );

  it('gives an empty network no betweenness instead of failing', () => {
    expect(betweennessOf(new UndirectedGraph())).toEqual({});
    const empty = computeNetworkAnalytics(
      { lines: [], stations: [], regions: [], methods: [], projects: [] },
      { revision: 1, today: '2026-11-23' },
    );
    expect(empty.stations).toEqual([]);
    expect(empty.betweennessExact).toBe(true);
  });

  it('samples every station of a small network and the same ones every time', () => {
    expect([...betweennessSources(5, 10)]).toEqual([0, 1, 2, 3, 4]);
    const sample = betweennessSources(5000, 1000);
    expect(sample).toHaveLength(1000);
    expect(new Set(sample).size).toBe(1000);
    expect([...sample]).toEqual([...betweennessSources(5000, 1000)]);
    // Spread over the whole network, not the first thousand stations.
    expect(Math.max(...sample)).toBeGreaterThan(4500);
    expect(Math.min(...sample)).toBeLessThan(500);
  });

  it('estimates the most central stations of a regional network within a few per cent', () => {
    const input = analyticsInputOfSeed(
      generateNetwork({ scale: 'national', experts: 1500, today: '2026-11-23' }),
    );
    const graph = stationGraph(input);
    const exact = betweennessOf(graph);
    const sources = betweennessSources(graph.order, Math.round(graph.order / 4));
    const estimate = combineBetweenness(
      graph.nodes(),
      [betweennessPart(graph, sources)],
      sources.length,
    );
    const top = Object.entries(exact)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25);
    for (const [node, value] of top) {
      expect(Math.abs((estimate[node] as number) - value) / value).toBeLessThan(0.1);
    }
  });

  it('ranks stations by the betweenness it is given and says whether it is exact', () => {
    const input = analyticsInputOfSeed(generateNetwork({ scale: 'demo', today: '2026-11-23' }));
    const base = analyticsWithoutPaths(input, { revision: 3, today: '2026-11-23' });
    const [last] = base.stations.slice(-1);
    const ranked = withBetweenness(
      base,
      { [last?.id as string]: 0.5 },
      { sources: 7, exact: false },
    );
    expect(ranked.stations[0]?.id).toBe(last?.id);
    expect(ranked.stations[0]?.betweenness).toBe(0.5);
    expect(ranked.betweennessSources).toBe(7);
    expect(ranked.betweennessExact).toBe(false);
  });
});
