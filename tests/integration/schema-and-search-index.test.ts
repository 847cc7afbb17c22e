/** Schema setup on the real Neo4j: constraints, the Finnish full-text index, idempotence. */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readTransaction, recordsOf } from '../../server/src/database/neo4j-driver.ts';
import { setUpSchema } from '../../server/src/database/schema-setup.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
afterAll(() => database.driver.close());

async function indexes() {
  return readTransaction(database, async (tx) =>
    recordsOf<{ name: string; type: string; state: string; analyzer: string | null }>(
      await tx.run(
        `SHOW INDEXES YIELD name, type, state, options
         RETURN name, type, state, options.indexConfig['fulltext.analyzer'] AS analyzer`,
      ),
    ),
  );
}

async function searchLineCodes(index: string, text: string): Promise<string[]> {
  return readTransaction(database, async (tx) =>
    recordsOf<{ code: string }>(
      await tx.run(
        `CALL db.index.fulltext.queryNodes($index, $text) YIELD node
         WHERE node:Line RETURN node.code AS code`,
        { index, text },
      ),
    ).map((row) => row.code),
  );
}

describe('schema setup', () => {
  it('creates the full-text indexes with the Finnish, Swedish and English analyzers, online', async () => {
    const byName = new Map((await indexes()).map((index) => [index.name, index]));
    expect(byName.get('search_fi')).toMatchObject({
      type: 'FULLTEXT',
      state: 'ONLINE',
      analyzer: 'finnish',
    });
    expect(byName.get('search_sv')).toMatchObject({ analyzer: 'swedish', state: 'ONLINE' });
    expect(byName.get('search_en')).toMatchObject({ analyzer: 'english', state: 'ONLINE' });
  });

  it('is idempotent: running it again adds nothing', async () => {
    const before = (await indexes()).map((index) => index.name).sort();
    await setUpSchema(database);
    const after = (await indexes()).map((index) => index.name).sort();
    expect(after).toEqual(before);
  });

  it('refuses a second line with the same code (uniqueness constraint)', async () => {
    const session = database.driver.session();
    try {
      await expect(
        session.run(`CREATE (:Line {id: 'line-duplicate', code: 'L8'})`),
      ).rejects.toThrow(/already exists|constraint/i);
    } finally {
      await session.close();
    }
  });

  it('stems Finnish inflections with the Finnish analyzer', async () => {
    // "kunniaväkivallasta" (elative) shares its stem with the keyword "kunniaväkivalta".
    expect(await searchLineCodes('search_fi', 'kunniaväkivallasta')).toContain('L8');
    expect(await searchLineCodes('search_sv', 'tvångsäktenskap')).toContain('L8');
  });
});
