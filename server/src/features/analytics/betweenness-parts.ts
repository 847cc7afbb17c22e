/**
 * Exact betweenness centrality split by source station, so that the parts can run on every core
 * at once and be summed: at national scale (5,000 stations) one thread needs seconds.
 *
 * The shortest-path counting is graphology-shortest-path's indexed Brandes, the same kernel
 * graphology-metrics' `betweenness` runs; the accumulation below is that function's loop,
 * restricted to the sources of one part. Summing all parts and scaling gives exactly
 * graphology-metrics' result (tests/unit/network-analytics.test.ts compares the two).
 */
import { UndirectedGraph } from 'graphology';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';

/** The station graph as plain arrays: cheap to send to a worker thread and to rebuild there. */
export interface CompactGraph {
  nodes: string[];
  /** Pairs of indices into `nodes`: [from0, to0, from1, to1, ...]. */
  edges: number[];
}

export function compactGraph(graph: UndirectedGraph): CompactGraph {
  const nodes = graph.nodes();
  const indexOf = new Map(nodes.map((node, index) => [node, index]));
  const edges: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    edges.push(indexOf.get(source) as number, indexOf.get(target) as number);
  });
  return { nodes, edges };
}

/** Rebuilds the graph with its nodes in the same order, so part results line up by index. */
export function graphOfCompact(compact: CompactGraph): UndirectedGraph {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const node of compact.nodes) {
    graph.addNode(node);
  }
  for (let i = 0; i + 1 < compact.edges.length; i += 2) {
    graph.addEdge(
      compact.nodes[compact.edges[i] as number],
      compact.nodes[compact.edges[i + 1] as number],
    );
  }
  return graph;
}

/**
 * The unscaled dependencies that the given source stations (indices into the graph's nodes) add
 * to every node, in index order.
 */
export function betweennessPart(graph: UndirectedGraph, sources: ArrayLike<number>): Float64Array {
  const order = graph.order;
  const centralities = new Float64Array(order);
  if (order === 0 || sources.length === 0) {
    // The library's stack cannot be sized 0: an empty network has no paths to count.
    return centralities;
  }
  const brandes = createUnweightedIndexedBrandes(graph);
  const delta = new Float64Array(order);
  for (let s = 0; s < sources.length; s += 1) {
    const source = sources[s] as number;
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop() as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (const v of predecessors[w] as number[]) {
        delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
      if (w !== source) {
        centralities[w] = (centralities[w] as number) + (delta[w] as number);
      }
    }
  }
  return centralities;
}

/**
 * Source stations for betweenness: every station while the network has at most `limit`, else
 * `limit` of them drawn by a fixed-seed shuffle, so the same network always gives the same
 * estimate (Brandes & Pich 2007, "Centrality estimation in large networks": dependencies summed
 * over uniformly drawn sources and scaled by stations / sources are an unbiased estimate).
 */
export function betweennessSources(order: number, limit: number): Uint32Array {
  const all = Uint32Array.from({ length: order }, (_, index) => index);
  if (order <= limit) {
    return all;
  }
  let seed = 0x2545f491;
  const random = () => {
    // A linear congruential generator (Numerical Recipes): reproducible, and random enough to
    // pick sources evenly across the network.
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let i = order - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = all[i] as number;
    all[i] = all[j] as number;
    all[j] = swap;
  }
  return all.slice(0, limit).sort();
}

/**
 * Sums the parts and scales as graphology-metrics does with `normalized: true`, extrapolating
 * from `sources` sampled sources when fewer than every station was one. Values are rounded to
 * 12 significant digits, so that adding the parts in another order (another number of threads)
 * cannot reorder stations whose betweenness is equal.
 */
export function combineBetweenness(
  nodes: string[],
  parts: Float64Array[],
  sources = nodes.length,
): Record<string, number> {
  const count = nodes.length;
  const normalise = count <= 2 ? 1 : 1 / ((count - 1) * (count - 2));
  const scale = sources > 0 ? (normalise * count) / sources : 0;
  const result: Record<string, number> = {};
  nodes.forEach((node, index) => {
    let sum = 0;
    for (const part of parts) {
      sum += part[index] as number;
    }
    result[node] = Number((sum * scale).toPrecision(12));
  });
  return result;
}

/** The whole normalised betweenness in this thread, every station a source. */
export function betweennessOf(graph: UndirectedGraph): Record<string, number> {
  const sources = betweennessSources(graph.order, graph.order);
  return combineBetweenness(graph.nodes(), [betweennessPart(graph, sources)]);
}
