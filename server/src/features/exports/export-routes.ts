/**
 * `GET /export/network.graphml`, `/export/network.gexf`, `/export/stations.csv`,
 * `/export/network.json`, `/export/hsds.json`: the whole network map for signed-in researchers,
 * coordinators and admins (anonymous callers get 401, other roles 403). Contact details only
 * where the caller may see them (`visibleContacts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Database } from '../../database/neo4j-driver.ts';
import { describeError } from '../../database/neo4j-driver.ts';
import type { Role } from '../auth/account.types.ts';
import type { SignIn } from '../auth/sign-in.ts';
import { allowGetOnly, sendJson, staffSessionFor } from '../auth/staff-download.ts';
import { ExportRepository } from './export.repository.ts';
import type { ExportNetwork } from './export.types.ts';
import {
  toGexf,
  toGraphml,
  toHsds,
  toNetworkJson,
  toStationsCsv,
  visibleContacts,
} from './export-formats.ts';

export interface ExportRouteOptions {
  database: Database;
  signIn: SignIn;
  logger: Logger;
}

/** Roles that may download the exports (admin passes too). */
const EXPORT_ROLES: readonly Role[] = ['researcher', 'coordinator', 'admin'];

interface ExportFormat {
  contentType: string;
  render: (network: ExportNetwork) => string;
}

/** The export paths and how each is written. */
export const EXPORT_FORMATS: Record<string, ExportFormat> = {
  '/export/network.graphml': {
    contentType: 'application/graphml+xml; charset=utf-8',
    render: toGraphml,
  },
  '/export/network.gexf': { contentType: 'application/gexf+xml; charset=utf-8', render: toGexf },
  '/export/stations.csv': { contentType: 'text/csv; charset=utf-8', render: toStationsCsv },
  '/export/network.json': {
    contentType: 'application/json; charset=utf-8',
    render: toNetworkJson,
  },
  '/export/hsds.json': {
    contentType: 'application/json; charset=utf-8',
    render: (network) => JSON.stringify(toHsds(network)),
  },
};

/** Handles `/export/*`; the caller routes only those paths here. */
export function createExportRoute({ database, signIn, logger }: ExportRouteOptions) {
  const repository = new ExportRepository(database);
  return async (request: IncomingMessage, response: ServerResponse, path: string) => {
    request.resume();
    const format = EXPORT_FORMATS[path];
    if (!format) {
      sendJson(response, 404, {
        code: 'NOT_FOUND',
        message: 'Tuntematon vienti.',
        messageEn: `Unknown export. Use one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`,
      });
      return;
    }
    if (!allowGetOnly(request, response)) {
      return;
    }
    try {
      const session = await staffSessionFor(request, response, signIn, EXPORT_ROLES, {
        message: 'Vain tutkijat, koordinaattorit ja ylläpitäjät voivat ladata viennit.',
        messageEn: 'Only researchers, coordinators and admins can download the exports.',
      });
      if (!session) {
        return;
      }
      const network = visibleContacts(await repository.load(), true);
      const body = format.render(network);
      logger.info(
        { event: 'network-export', path, accountId: session.account.id },
        'Network exported',
      );
      const file = path.slice('/export/'.length);
      response.writeHead(200, {
        'content-type': format.contentType,
        'content-disposition': `attachment; filename="metrokartta-${file}"`,
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch (error) {
      logger.error(
        { event: 'network-export-failed', error: describeError(error) },
        'Export failed',
      );
      sendJson(response, 503, {
        code: 'EXPORT_FAILED',
        message: 'Vientiä ei voitu tehdä juuri nyt. Yritä hetken päästä uudelleen.',
        messageEn: 'The export could not be made right now. Try again in a moment.',
      });
    }
  };
}
