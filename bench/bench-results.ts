/** Shared by the benchmarks: the machine line and appending a dated section to RESULTS.md. */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const RESULTS_FILE = new URL('./RESULTS.md', import.meta.url);

export function machineDescription(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** The value below which `share` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Appends `## <date> UTC: <title>` and the body lines to bench/RESULTS.md. */
export function appendResults(title: string, body: string[]): void {
  if (!existsSync(RESULTS_FILE)) {
    writeFileSync(
      RESULTS_FILE,
      '# Benchmark results\n\nWritten by `npm run bench*`; newest last. Compare ratios within one run: the machines are shared and noisy.\n\n',
    );
  }
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  appendFileSync(RESULTS_FILE, `## ${date} UTC: ${title}\n\n${body.join('\n')}\n\n`);
  console.log(`Appended to bench/RESULTS.md: ${title}`);
}
