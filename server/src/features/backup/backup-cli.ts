/**
 * Backups of the whole graph as one JSON file:
 *   npm run backup:export -- --out backup.json [--without-accounts]
 *   npm run backup:restore -- --in backup.json [--replace] [--check]
 * Uses NEO4J_URI when set, otherwise the local Neo4j the app already runs, or starts it for the
 * duration (see openDatabaseForCommand). See docs/operations.md.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabaseForCommand } from '../../database/open-database.ts';
import { setUpSchema } from '../../database/schema-setup.ts';
import { refreshMapLayout } from '../map/map-layout.service.ts';
import { DatabaseNotEmptyError } from './backup.repository.ts';
import { exportBackup, labelCounts, restoreBackup } from './backup.service.ts';
import { BackupExportError, BackupValidationError, parseBackup } from './backup-format.ts';

const USAGE = `Usage:
  npm run backup:export -- --out <file.json> [--without-accounts]
  npm run backup:restore -- --in <file.json> [--replace] [--check]`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
const { values } = (() => {
  try {
    return parseArgs({
      args: rest,
      options: {
        out: { type: 'string' },
        in: { type: 'string' },
        'without-accounts': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();

if (command !== 'export' && command !== 'restore') {
  fail(USAGE);
}
if (command === 'export' && !values.out) {
  fail(`backup:export needs --out <file.json>\n${USAGE}`);
}
if (command === 'restore' && !values.in) {
  fail(`backup:restore needs --in <file.json>\n${USAGE}`);
}

const summary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([label, count]) => `${count} ${label}`)
    .join(', ');

// The whole file is validated before the database is even opened.
let restoreInput: ReturnType<typeof parseBackup> | undefined;
if (command === 'restore') {
  let text: string;
  try {
    text = await readFile(values.in as string, 'utf8');
  } catch (error) {
    fail(`Cannot read ${values.in}: ${(error as Error).message}`);
  }
  try {
    restoreInput = parseBackup(text);
  } catch (error) {
    fail(error instanceof BackupValidationError ? error.message : String(error));
  }
  console.log(
    `${values.in} is valid: ${restoreInput.counts.nodes} nodes and ${restoreInput.counts.relationships} relationships ` +
      `(${summary(labelCounts(restoreInput))}), exported ${restoreInput.exportedAt}, ` +
      `${restoreInput.includesAccounts ? 'with' : 'without'} accounts.`,
  );
  if (values.check) {
    console.log('--check: nothing was written.');
    process.exit(0);
  }
}

const opened = await openDatabaseForCommand();
try {
  if (command === 'export') {
    const out = values.out as string;
    const { file, warnings } = await exportBackup(opened.database, {
      includeAccounts: !values['without-accounts'],
    });
    // Written beside the target, then renamed: a failed write never leaves half a backup.
    const partial = `${out}.partial`;
    await writeFile(partial, `${JSON.stringify(file, null, 1)}\n`, { mode: 0o600 });
    await chmod(partial, 0o600);
    await rename(partial, out);
    console.log(
      `Exported ${file.counts.nodes} nodes and ${file.counts.relationships} relationships ` +
        `(${summary(labelCounts(file))}) to ${out}, ${file.includesAccounts ? 'with' : 'without'} accounts.`,
    );
    if (warnings.length > 0) {
      console.error(
        `Warning: a restore would refuse this file until these are fixed:\n- ${warnings.slice(0, 30).join('\n- ')}`,
      );
    }
  } else if (restoreInput) {
    await setUpSchema(opened.database);
    const result = await restoreBackup(opened.database, restoreInput, { replace: values.replace });
    const layout = await refreshMapLayout(opened.database);
    console.log(
      `Restored ${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships in ` +
        `${result.millis} ms${result.nodesDeleted > 0 ? ` (replacing ${result.nodesDeleted} nodes)` : ''}` +
        `${layout.recomputed ? '; the metro layout was computed again' : ''}.`,
    );
  }
} catch (error) {
  process.exitCode = 1;
  const known =
    error instanceof BackupValidationError ||
    error instanceof BackupExportError ||
    error instanceof DatabaseNotEmptyError;
  console.error(known ? (error as Error).message : error);
} finally {
  await opened.close();
}
