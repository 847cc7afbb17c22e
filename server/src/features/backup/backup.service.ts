/**
 * Export and restore of the whole graph as one JSON file (format in backup-format.ts, operators'
 * guide in docs/operations.md). Used by the command line (backup-cli.ts) and the admins' download
 * (backup-routes.ts).
 */
import type { Database } from '../../database/neo4j-driver.ts';
import { BackupRepository } from './backup.repository.ts';
import type { BackupFile, RestoreSummary } from './backup.types.ts';
import {
  BackupValidationError,
  buildBackup,
  validateBackup,
  writableProperties,
} from './backup-format.ts';

export interface ExportResult {
  file: BackupFile;
  /**
   * What a restore of this file would refuse (a graph edited into a state the app does not
   * expect): the export is still written, so that a backup is never lost over it.
   */
  warnings: string[];
}

/**
 * Reads the whole graph (without sessions; without accounts unless `includeAccounts`) into a
 * backup file, and checks that the file would restore.
 */
export async function exportBackup(
  database: Database,
  options: { includeAccounts: boolean; now?: Date },
): Promise<ExportResult> {
  const stored = await new BackupRepository(database).read(options);
  const file = buildBackup(stored, {
    exportedAt: options.now ?? new Date(),
    includesAccounts: options.includeAccounts,
  });
  try {
    validateBackup(file);
    return { file, warnings: [] };
  } catch (error) {
    if (error instanceof BackupValidationError) {
      return { file, warnings: error.problems };
    }
    throw error;
  }
}

/**
 * Validates `input` completely, then writes it in one transaction. Throws BackupValidationError
 * (nothing written) for an invalid file and DatabaseNotEmptyError (nothing written) when the
 * database has content and `replace` is not set.
 */
export async function restoreBackup(
  database: Database,
  input: unknown,
  options: { replace: boolean },
): Promise<RestoreSummary> {
  const started = Date.now();
  const file = validateBackup(input);
  const result = await new BackupRepository(database).write(
    {
      nodes: file.nodes.map((node) => ({
        ref: node.ref,
        labels: node.labels,
        properties: writableProperties(node),
      })),
      relationships: file.relationships.map((relationship) => ({
        type: relationship.type,
        from: relationship.from,
        to: relationship.to,
        properties: writableProperties(relationship),
      })),
    },
    { replace: options.replace, includeAccounts: file.includesAccounts },
  );
  return { ...result, labels: labelCounts(file), millis: Date.now() - started };
}

/** Nodes per label, for what the operator is told. */
export function labelCounts(file: BackupFile): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of file.nodes) {
    for (const label of node.labels) {
      counts[label] = (counts[label] ?? 0) + 1;
    }
  }
  return counts;
}
