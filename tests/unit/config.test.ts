import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.ts';

describe('configuration', () => {
  it('defaults to port 4000 and the local Neo4j when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.NEO4J_PORT).toBe(7687);
    expect(config.NEO4J_DATA_DIR).toBe('.data/neo4j');
    expect(config.SEED_WHEN_EMPTY).toBe(true);
  });

  it('accepts bolt://, neo4j:// and neo4j+s:// addresses', () => {
    for (const uri of [
      'bolt://db:7687',
      'neo4j://cluster:7687',
      'neo4j+s://x.databases.neo4j.io',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it('names every bad variable and what is wrong with it', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', SEED_WHEN_EMPTY: 'yes' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT: must be a port number \(was "eighty"\)/);
    expect(message).toMatch(/NEO4J_URI: must start with one of bolt:\/\//);
    expect(message).toMatch(/SEED_WHEN_EMPTY: must be true or false/);
  });
});
