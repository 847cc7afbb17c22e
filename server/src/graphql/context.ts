/**
 * The request-scoped context: the repositories every resolver reaches the graph through.
 * Created per request, so per-request caches never leak between users.
 */
import type { Database } from '../database/neo4j-driver.ts';
import { LineRepository } from '../features/lines/line.repository.ts';

export interface RequestContext {
  lines: LineRepository;
}

export function createContext(database: Database): RequestContext {
  return { lines: new LineRepository(database) };
}
