/**
 * Worker thread entry: computes the analytics away from the event loop, so that a national-scale
 * computation (seconds of betweenness) never stalls the requests of other users.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyticsInput } from './analytics.types.ts';
import { computeNetworkAnalytics } from './network-analytics.ts';

const { input, revision, today } = workerData as {
  input: AnalyticsInput;
  revision: number;
  today: string;
};
parentPort?.postMessage(computeNetworkAnalytics(input, { revision, today }));
