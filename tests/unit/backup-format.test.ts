import { describe, expect, it } from 'vitest';
import type {
  BackupFile,
  StoredNode,
  StoredRelationship,
} from '../../server/src/features/backup/backup.types.ts';
import {
  BackupExportError,
  BackupValidationError,
  buildBackup,
  parseBackup,
  resolveCypherType,
  validateBackup,
  writableProperties,
} from '../../server/src/features/backup/backup-format.ts';

const NOW = new Date('2026-11-23T08:00:00.000Z');

const prop = (key: string, type: string, value: unknown) => ({
  key,
  type: `${type} NOT NULL`,
  value,
});

/** A tiny graph as the export query reads it: one line, one expert on it, one anonymous node. */
function storedGraph(): { nodes: StoredNode[]; relationships: StoredRelationship[] } {
  return {
    nodes: [
      {
        elementId: 'e1',
        labels: ['Station', 'Expert'],
        properties: [
          prop('name', 'STRING', 'Aino Virtanen'),
          prop('id', 'STRING', 'expert-0001'),
          prop('kind', 'STRING', 'EXPERT'),
          prop('otShare', 'FLOAT', 1),
          prop('verifiedOn', 'DATE', '2026-05-18'),
          prop('languages', 'LIST<STRING NOT NULL>', ['fi', 'sv']),
          prop('x', 'FLOAT', 120.5),
        ],
      },
      {
        elementId: 'e2',
        labels: ['Line'],
        properties: [
          prop('id', 'STRING', 'line-L3'),
          prop('code', 'STRING', 'L3'),
          prop('number', 'FLOAT', 3),
          prop('color', 'STRING', '#1a7f37'),
          prop('nameFi', 'STRING', 'Väkivalta'),
          prop('nameSv', 'STRING', 'Våld'),
          prop('nameEn', 'STRING', 'Violence'),
          prop('version', 'INTEGER', '7'),
        ],
      },
      {
        elementId: 'e3',
        labels: ['Note'],
        properties: [prop('at', 'ZONED DATETIME', '2026-11-23T10:15:28.52+02:00[Europe/Helsinki]')],
      },
    ],
    relationships: [
      {
        type: 'ON_LINE',
        startId: 'e1',
        endId: 'e2',
        properties: [prop('position', 'FLOAT', 1), prop('coordinator', 'BOOLEAN', true)],
      },
      // A relationship to a node outside the export (a session's) is left out.
      { type: 'OWNS', startId: 'e1', endId: 'session-1', properties: [] },
    ],
  };
}

function build(stored = storedGraph()): BackupFile {
  return buildBackup(stored, { exportedAt: NOW, includesAccounts: false });
}

/** A valid file to break one thing in at a time. */
function validFile(): BackupFile {
  return structuredClone(build());
}

function problemsOf(input: unknown): string[] {
  try {
    validateBackup(input);
  } catch (error) {
    if (error instanceof BackupValidationError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('resolveCypherType', () => {
  it('names the types JSON cannot tell, and leaves strings and booleans plain', () => {
    expect(resolveCypherType('STRING NOT NULL')).toEqual({ type: null, list: false });
    expect(resolveCypherType('FLOAT NOT NULL')).toEqual({ type: 'FLOAT', list: false });
    expect(resolveCypherType('ZONED DATETIME NOT NULL')).toEqual({
      type: 'DATETIME',
      list: false,
    });
    expect(resolveCypherType('LIST<INTEGER NOT NULL> NOT NULL')).toEqual({
      type: 'LIST<INTEGER>',
      list: true,
    });
    expect(resolveCypherType('LIST<NOTHING> NOT NULL')).toEqual({ type: null, list: true });
    expect(resolveCypherType('POINT NOT NULL')).toEqual({ unsupported: 'POINT' });
  });
});

describe('buildBackup', () => {
  it('keeps every property with its type: floats, dates and date-times named in types', () => {
    const file = build();
    const expert = file.nodes.find((node) => node.ref === 'Station:expert-0001');
    expect(expert).toEqual({
      ref: 'Station:expert-0001',
      labels: ['Expert', 'Station'],
      properties: {
        id: 'expert-0001',
        kind: 'EXPERT',
        languages: ['fi', 'sv'],
        name: 'Aino Virtanen',
        otShare: 1,
        verifiedOn: '2026-05-18',
        x: 120.5,
      },
      types: { otShare: 'FLOAT', verifiedOn: 'DATE', x: 'FLOAT' },
    });
    const line = file.nodes.find((node) => node.ref === 'Line:line-L3');
    // Integers arrive as text and leave as exact numbers, with no types entry.
    expect(line?.properties.version).toBe(7);
    expect(line?.types).toEqual({ number: 'FLOAT' });
  });

  it('numbers nodes without an identity key, and leaves out relationships to nodes outside it', () => {
    const file = build();
    expect(file.nodes.map((node) => node.ref)).toEqual([
      'Line:line-L3',
      'Note#1',
      'Station:expert-0001',
    ]);
    expect(file.relationships).toEqual([
      {
        type: 'ON_LINE',
        from: 'Station:expert-0001',
        to: 'Line:line-L3',
        properties: { coordinator: true, position: 1 },
        types: { position: 'FLOAT' },
      },
    ]);
    expect(file.counts).toEqual({ nodes: 3, relationships: 1 });
  });

  it('is canonical: the same graph read in another order gives the same file', () => {
    const shuffled = storedGraph();
    shuffled.nodes.reverse();
    for (const node of shuffled.nodes) {
      node.properties.reverse();
      node.labels.reverse();
    }
    shuffled.relationships.reverse();
    expect(JSON.stringify(build(shuffled))).toBe(JSON.stringify(build()));
  });

  it('refuses a property it cannot carry, naming it, rather than leave it out', () => {
    const stored = storedGraph();
    stored.nodes[0]?.properties.push(prop('home', 'POINT', null));
    stored.nodes[1]?.properties.push(prop('huge', 'INTEGER', '9007199254740993'));
    expect(() => build(stored)).toThrow(BackupExportError);
    try {
      build(stored);
    } catch (error) {
      expect((error as BackupExportError).problems).toEqual([
        'node Expert:Station.home: Neo4j type POINT is not supported by the backup format',
        'node Line.huge: the integer 9007199254740993 is beyond what JSON carries exactly',
      ]);
    }
  });
});

describe('validateBackup', () => {
  it('accepts what buildBackup writes, after a trip through JSON text', () => {
    const text = JSON.stringify(build(), null, 1);
    expect(parseBackup(text)).toEqual(build());
  });

  it('refuses another kind of JSON file, and a newer version, saying so', () => {
    expect(problemsOf({ lines: [] })[0]).toBe(
      'format: must be "metrokartta-backup": this is not a Metrokartta backup',
    );
    expect(problemsOf({ ...validFile(), version: 2 })).toEqual([
      'version: must be 1: this Metrokartta reads backups of version 1',
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    expect(() => parseBackup('{\n  "format": "metrokartta-backup",\n  oops\n}')).toThrow(
      /not valid JSON \(at line 3, column 3\)/,
    );
  });

  it('lists every problem, each naming its record and field', () => {
    const file = validFile();
    const [line, note, expert] = file.nodes;
    if (!line || !note || !expert) {
      throw new Error('the fixture has three nodes');
    }
    line.properties.code = 'Line 3';
    delete line.properties.nameSv;
    expert.properties.verifiedOn = '2026-02-30';
    note.labels.push('Session');
    file.relationships.push({
      type: 'ON_LINE',
      from: 'Line:line-L3',
      to: 'Station:expert-9999',
      properties: { position: 0, coordinator: true },
    });
    file.counts.relationships = 2;
    expect(problemsOf(file)).toEqual([
      'nodes[0] (Line:line-L3).properties.code: must look like L1, L2, ...',
      'nodes[0] (Line:line-L3).properties.nameSv: is missing',
      'nodes[1] (Note#1).labels: sessions are never restored; remove this node',
      'nodes[2] (Station:expert-0001).properties.verifiedOn: must be a date YYYY-MM-DD (types say DATE)',
      'relationships[1] (Line:line-L3 -[ON_LINE]-> Station:expert-9999).to: no node has the ref "Station:expert-9999"',
      'relationships[1] (Line:line-L3 -[ON_LINE]-> Station:expert-9999).from: ON_LINE must start at a Station',
      'relationships[1] (Line:line-L3 -[ON_LINE]-> Station:expert-9999).properties.position: must be 1 or more',
    ]);
  });

  it('notices a file cut short, duplicate identities, and accounts the header does not admit', () => {
    const file = validFile();
    file.counts.nodes = 4;
    file.nodes.push({
      ref: 'Account:a1',
      labels: ['Account'],
      properties: { id: 'a1', email: 'Maija@Example.fi', role: 'owner' },
    });
    file.nodes.push({
      ref: 'Station:copy',
      labels: ['Station', 'Unit'],
      properties: { id: 'expert-0001', kind: 'UNIT', name: 'Kopio' },
    });
    file.counts.nodes = 6;
    const problems = problemsOf(file);
    expect(problems).toContain('counts.nodes: says 6 but the file has 5 nodes (is it cut short?)');
    expect(problems).toContain(
      'nodes[3] (Account:a1).labels: an account in a file whose includesAccounts is false; set it to true or remove the node',
    );
    expect(problems).toContain('nodes[3] (Account:a1).properties.email: must be lower-case');
    expect(problems).toContain(
      'nodes[3] (Account:a1).properties.role: must be one of viewer, coordinator, researcher, admin',
    );
    expect(problems).toContain(
      'nodes[4] (Station:copy).properties.id: Station.id = "expert-0001" is also used by Station:expert-0001',
    );
  });

  it('checks every property against the type the file gives it', () => {
    const file = validFile();
    const expert = file.nodes[2];
    if (!expert?.types) {
      throw new Error('the fixture expert has types');
    }
    expert.types.name = 'DATETIME';
    expert.types.missing = 'FLOAT';
    expert.properties.otShare = 1.5;
    expect(problemsOf(file)).toEqual([
      'nodes[2] (Station:expert-0001).properties.name: must be a date-time with a zone, e.g. 2026-01-31T12:00:00Z (types say DATETIME)',
      'nodes[2] (Station:expert-0001).types.missing: names a property the record does not have',
      'nodes[2] (Station:expert-0001).properties.otShare: must be from 0 to 1',
    ]);
  });
});

describe('writableProperties', () => {
  it('gives each property the type it is written with', () => {
    expect(
      writableProperties({
        properties: { name: 'x', count: 3, share: 0.5, whole: 2, days: ['2026-01-01'], n: [1, 2] },
        types: { whole: 'FLOAT', days: 'LIST<DATE>' },
      }),
    ).toEqual([
      { key: 'name', type: null, value: 'x' },
      { key: 'count', type: 'INTEGER', value: 3 },
      { key: 'share', type: 'FLOAT', value: 0.5 },
      { key: 'whole', type: 'FLOAT', value: 2 },
      { key: 'days', type: 'LIST<DATE>', value: ['2026-01-01'] },
      { key: 'n', type: 'LIST<INTEGER>', value: [1, 2] },
    ]);
  });
});
