/** Loading the seed graph: validated before writing, transactional, idempotent. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateNetwork } from '../../graph-seed/generate-network.ts';
import { loadSeedGraph } from '../../graph-seed/load-seed.ts';
import { SeedValidationError } from '../../graph-seed/seed-schema.ts';
import { readTransaction } from '../../server/src/database/neo4j-driver.ts';
import { readNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
afterAll(() => database.driver.close());

async function graphCounts() {
  return readTransaction(database, async (tx) => {
    const result = await tx.run(
      `CALL () { MATCH (n) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       CALL () { MATCH (e:Expert) RETURN count(e) AS experts }
       RETURN nodes, relationships, experts`,
    );
    return result.records[0]?.toObject() as {
      nodes: number;
      relationships: number;
      experts: number;
    };
  });
}

describe('seed loading', () => {
  it('holds the demo network: ten lines, 150-250 experts, the seven fixed units, every line coordinated', async () => {
    const summary = await readTransaction(database, async (tx) => {
      const result = await tx.run(
        `MATCH (l:Line)
         OPTIONAL MATCH (c:Station)-[:ON_LINE {coordinator: true}]->(l)
         WITH count(DISTINCT l) AS lines, count(DISTINCT c) AS coordinators,
              collect(DISTINCT l.code) AS codes,
              [code IN collect(DISTINCT l.code) WHERE NOT EXISTS {
                 MATCH (:Station)-[:ON_LINE {coordinator: true}]->(:Line {code: code}) }] AS uncoordinated
         CALL () { MATCH (e:Expert) RETURN count(e) AS experts }
         CALL () { MATCH (u:Unit) RETURN count(u) AS units }
         RETURN lines, experts, units, uncoordinated`,
      );
      return result.records[0]?.toObject() as {
        lines: number;
        experts: number;
        units: number;
        uncoordinated: string[];
      };
    });
    expect(summary.lines).toBe(10);
    expect(summary.experts).toBeGreaterThanOrEqual(150);
    expect(summary.experts).toBeLessThanOrEqual(250);
    expect(summary.units).toBe(7);
    expect(summary.uncoordinated).toEqual([]);
  });

  it('has an interchange where the source names one: an honour-culture expert on L8 and L3', async () => {
    const lines = await readTransaction(database, async (tx) => {
      const result = await tx.run(
        `MATCH (e:Expert)-[:ON_LINE]->(l:Line)
         WHERE e.title CONTAINS 'kunniakulttuuri'
         RETURN collect(l.code) AS codes`,
      );
      return result.records[0]?.get('codes') as string[];
    });
    expect(lines).toEqual(expect.arrayContaining(['L8', 'L3']));
  });

  it('is idempotent: loading the same graph again creates nothing and changes no count', async () => {
    const before = await graphCounts();
    const revision = await readNetworkRevision(database);
    const result = await loadSeedGraph(database, generateNetwork({ scale: 'demo' }));
    expect(result.nodesCreated).toBe(0);
    expect(result.relationshipsCreated).toBe(0);
    expect(await graphCounts()).toEqual(before);
    // A load is a write all the same: caches keyed on the network revision start afresh.
    expect(await readNetworkRevision(database)).toBe(revision + 1);
  });

  it('rejects a bad record with a message naming the record and field, and writes nothing', async () => {
    const before = await graphCounts();
    const graph = generateNetwork({ scale: 'demo', seed: 99 });
    const expert = graph.stations.find((station) => station.kind === 'EXPERT');
    if (!expert) {
      throw new Error('the demo graph has no expert');
    }
    expert.lines = [{ lineCode: 'L42', position: 1, coordinator: false }];
    const failure = await loadSeedGraph(database, graph).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SeedValidationError);
    expect((failure as Error).message).toContain(
      `(${expert.id}).lines[0].lineCode: unknown line "L42"`,
    );
    expect(await graphCounts()).toEqual(before);
  });

  it('writes nothing when the database refuses part of a valid-looking load', async () => {
    const before = await graphCounts();
    const graph = generateNetwork({ scale: 'demo', seed: 7 });
    // A new line whose code another line already holds in the database passes validation of
    // this graph alone, but breaks the uniqueness constraint in the middle of the write.
    graph.lines.push({ ...graph.lines[0]!, id: 'line-clash' });
    graph.lines[0] = { ...graph.lines[0]!, code: 'L11', id: 'line-L11-new' };
    graph.stations[0]!.lines.push({ lineCode: 'L11', position: 1, coordinator: true });
    await expect(loadSeedGraph(database, graph)).rejects.toThrow();
    expect(await graphCounts()).toEqual(before);
  });
});
