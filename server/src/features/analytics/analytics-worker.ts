/**
 * Worker-thread tasks of the analytics pool, so that a national-scale computation (seconds of
 * betweenness) never stalls the requests of other users: the counting analyses, the articulation
 * points, and betweenness counted from some of the sources (they are split over the threads).
 */
import type { AnalyticsInput, NetworkAnalyticsResult } from './analytics.types.ts';
import { betweennessPart, type CompactGraph, graphOfCompact } from './betweenness-parts.ts';
import { analyticsWithoutPaths, articulationPoints } from './network-analytics.ts';

export type AnalyticsTask =
  | { kind: 'analytics'; input: AnalyticsInput; revision: number; today: string }
  | { kind: 'articulation'; graph: CompactGraph }
  | { kind: 'betweenness'; graph: CompactGraph; sources: Uint32Array };

export type AnalyticsTaskResult = NetworkAnalyticsResult | string[] | Float64Array;

export default function runAnalyticsTask(task: AnalyticsTask): AnalyticsTaskResult {
  switch (task.kind) {
    case 'analytics':
      return analyticsWithoutPaths(task.input, task);
    case 'articulation':
      return [...articulationPoints(graphOfCompact(task.graph))];
    case 'betweenness':
      return betweennessPart(graphOfCompact(task.graph), task.sources);
  }
}
