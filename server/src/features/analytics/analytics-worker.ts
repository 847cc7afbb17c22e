/**
 * Worker-thread tasks of the analytics pool, so that a national-scale computation (seconds of
 * betweenness) never stalls the requests of other users: the analyses other than betweenness,
 * and betweenness counted from some of the sources (they are split over the pool's threads).
 */
import type { AnalyticsInput, NetworkAnalyticsResult } from './analytics.types.ts';
import { betweennessPart, type CompactGraph, graphOfCompact } from './betweenness-parts.ts';
import { analyticsWithoutBetweenness } from './network-analytics.ts';

export type AnalyticsTask =
  | { kind: 'analytics'; input: AnalyticsInput; revision: number; today: string }
  | { kind: 'betweenness'; graph: CompactGraph; sources: Uint32Array };

export default function runAnalyticsTask(
  task: AnalyticsTask,
): NetworkAnalyticsResult | Float64Array {
  if (task.kind === 'analytics') {
    return analyticsWithoutBetweenness(task.input, task);
  }
  return betweennessPart(graphOfCompact(task.graph), task.sources);
}
