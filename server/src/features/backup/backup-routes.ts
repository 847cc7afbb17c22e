/**
 * `GET /admin/backup`: an admin downloads a backup of the network from the browser. The download
 * leaves accounts out (no password hashes travel over HTTP); the command line exports them.
 * Restoring is a command-line operation only (`npm run backup:restore`): replacing the whole
 * graph, sessions included, is not something one browser tab should be able to do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '../../database/neo4j-driver.ts';
import { describeError } from '../../database/neo4j-driver.ts';
import type { SignIn } from '../auth/sign-in.ts';
import { allowGetOnly, sendJson, staffSessionFor } from '../auth/staff-download.ts';
import { exportBackup } from './backup.service.ts';

export interface BackupRouteOptions {
  database: Database;
  signIn: SignIn;
  logger: Logger;
}

/** Handles `/admin/backup`; the caller routes only that path here. */
export function createBackupRoute({ database, signIn, logger }: BackupRouteOptions) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    if (!allowGetOnly(request, response)) {
      return;
    }
    try {
      const session = await staffSessionFor(request, response, signIn, ['admin'], {
        message: 'Vain ylläpitäjä voi ladata varmuuskopion.',
        messageEn: 'Only an admin can download a backup.',
      });
      if (!session) {
        return;
      }
      const { file, warnings } = await exportBackup(database, { includeAccounts: false });
      logger.info(
        {
          event: 'backup-export',
          accountId: session.account.id,
          nodes: file.counts.nodes,
          warnings: warnings.length,
        },
        'Backup downloaded',
      );
      const day = file.exportedAt.slice(0, 10);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="metrokartta-backup-${day}.json"`,
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(file));
    } catch (error) {
      logger.error({ event: 'backup-export-failed', error: describeError(error) }, 'Backup failed');
      sendJson(response, 503, {
        code: 'BACKUP_FAILED',
        message: 'Varmuuskopiota ei voitu tehdä juuri nyt. Yritä hetken päästä uudelleen.',
        messageEn: 'The backup could not be made right now. Try again in a moment.',
      });
    }
  };
}
