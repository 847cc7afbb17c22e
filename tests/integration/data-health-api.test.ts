/**
 * `dataHealth` through GraphQL on the real Neo4j: who may ask, and each check's known answer on a
 * small hand-made network added beside the demo graph (its own lines L91-L93, stations and a
 * cooperation area of its own), plus figures on the demo graph that agree with Cypher.
 *
 *   L91: dh-a (coordinator, serves county HVDH = DH1-DH3, verified today), dh-b (serves DH3,
 *        verified 2020-01-01)                  -> a stale card, nothing else
 *   L92: dh-c (away until 2099, serves DH1, never verified), unit dh-u (serves DH2), no
 *        coordinator                           -> thin line, no coordinator, uncovered absence,
 *                                                 stale card, DH1 away only, DH3 uncovered
 *   L93: retired; dh-d alone, never verified   -> never reported
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  readTransaction,
  recordsOf,
  writeTransaction,
} from '../../server/src/database/neo4j-driver.ts';
import { bumpNetworkRevision } from '../../server/src/features/audit/audit.repository.ts';
import type { DataHealthReport } from '../../server/src/features/data-health/data-health.types.ts';
import { createApp } from '../../server/src/http/app.ts';
import { createLogger } from '../../server/src/logger.ts';
import { anonymousCaller, type StaffMember, signedInStaff } from '../support/staff-client.ts';
import { connectTestDatabase } from '../support/test-neo4j.ts';

const database = connectTestDatabase(inject('neo4jUri'));
const { yoga } = createApp({ database, logger: createLogger('silent') });
const anonymous = anonymousCaller(yoga);
let coordinator: StaffMember;
let admin: StaffMember;
let researcher: StaffMember;
let viewer: StaffMember;

const QUERY = /* GraphQL */ `
  query {
    dataHealth {
      revision today staleCutoff lineCodes areaMunicipalities
      thinLines { lineCode experts expert { stationId name } }
      linesWithoutCoordinator
      uncoveredAbsences { lineCode stationId name awayUntil }
      staleCards { stationId name verifiedOn lineCodes }
      unreachedMunicipalities { lineCode municipalities { code name status } }
    }
  }`;

const TEST_LINES = ['L91', 'L92', 'L93'];
const TEST_STATIONS = ['dh-a', 'dh-b', 'dh-c', 'dh-u', 'dh-d'];
const TEST_REGIONS = ['YTA-DHTEST', 'HVDH', 'DH1', 'DH2', 'DH3'];

const BUILD = /* cypher */ `
  MATCH (fi:Region {code: 'FI'})
  CREATE (area:Region {code: 'YTA-DHTEST', name: 'Testialue', kind: 'AREA'})-[:PART_OF]->(fi)
  CREATE (county:Region {code: 'HVDH', name: 'Testin hyvinvointialue', kind: 'COUNTY'})-[:PART_OF]->(area)
  CREATE (m1:Region {code: 'DH1', name: 'Testilä', kind: 'MUNICIPALITY'})-[:PART_OF]->(county)
  CREATE (m2:Region {code: 'DH2', name: 'Koekylä', kind: 'MUNICIPALITY'})-[:PART_OF]->(county)
  CREATE (m3:Region {code: 'DH3', name: 'Mallila', kind: 'MUNICIPALITY'})-[:PART_OF]->(county)
  CREATE (l91:Line {id: 'line-L91', code: 'L91', number: 91, nameFi: 'Testilinja 91', active: true})
  CREATE (l92:Line {id: 'line-L92', code: 'L92', number: 92, nameFi: 'Testilinja 92', active: true})
  CREATE (l93:Line {id: 'line-L93', code: 'L93', number: 93, nameFi: 'Testilinja 93', active: false})
  CREATE (a:Station:Expert {id: 'dh-a', name: 'Aino Testinen', kind: 'EXPERT', verifiedOn: date()})
  CREATE (b:Station:Expert {id: 'dh-b', name: 'Bertta Testinen', kind: 'EXPERT',
                            verifiedOn: date('2020-01-01')})
  CREATE (c:Station:Expert {id: 'dh-c', name: 'Cecilia Testinen', kind: 'EXPERT',
                            awayUntil: date('2099-01-01')})
  CREATE (u:Station:Unit {id: 'dh-u', name: 'Testiyksikkö', kind: 'UNIT'})
  CREATE (d:Station:Expert {id: 'dh-d', name: 'Doris Testinen', kind: 'EXPERT'})
  CREATE (a)-[:ON_LINE {position: 1, coordinator: true}]->(l91)
  CREATE (b)-[:ON_LINE {position: 2, coordinator: false}]->(l91)
  CREATE (c)-[:ON_LINE {position: 1, coordinator: false}]->(l92)
  CREATE (u)-[:ON_LINE {position: 2, coordinator: false}]->(l92)
  CREATE (d)-[:ON_LINE {position: 1, coordinator: false}]->(l93)
  CREATE (a)-[:SERVES]->(county), (b)-[:SERVES]->(m3), (c)-[:SERVES]->(m1), (u)-[:SERVES]->(m2),
         (d)-[:SERVES]->(m1)`;

async function cypher<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return readTransaction(database, async (tx) => recordsOf<T>(await tx.run(query, params)));
}

async function dataHealth(caller: StaffMember = coordinator): Promise<DataHealthReport> {
  const { data, errors } = await caller.graphql<{ dataHealth: DataHealthReport }>(QUERY);
  expect(errors).toBeUndefined();
  return data.dataHealth;
}

async function removeTestNetwork(): Promise<void> {
  await writeTransaction(database, async (tx) => {
    await tx.run('MATCH (l:Line) WHERE l.code IN $codes DETACH DELETE l', { codes: TEST_LINES });
    await tx.run('MATCH (s:Station) WHERE s.id IN $ids DETACH DELETE s', { ids: TEST_STATIONS });
    await tx.run('MATCH (r:Region) WHERE r.code IN $codes DETACH DELETE r', {
      codes: TEST_REGIONS,
    });
    await bumpNetworkRevision(tx);
  });
}

beforeAll(async () => {
  coordinator = await signedInStaff(database, yoga, { role: 'coordinator', lineCodes: ['L3'] });
  admin = await signedInStaff(database, yoga, { role: 'admin' });
  researcher = await signedInStaff(database, yoga, { role: 'researcher' });
  viewer = await signedInStaff(database, yoga, { role: 'viewer' });
  await writeTransaction(database, async (tx) => {
    await tx.run(BUILD);
    await bumpNetworkRevision(tx);
  });
});

afterAll(async () => {
  await removeTestNetwork();
  await database.driver.close();
});

describe('dataHealth', () => {
  it('asks anonymous callers to sign in and refuses viewers and researchers', async () => {
    expect((await anonymous(QUERY)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await viewer.graphql(QUERY)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await researcher.graphql(QUERY)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows coordinators every line, as admins see it', async () => {
    const asCoordinator = await dataHealth(coordinator);
    expect(asCoordinator.lineCodes).toEqual(expect.arrayContaining(['L3', 'L91', 'L92']));
    expect(await dataHealth(admin)).toEqual(asCoordinator);
  });

  it('finds the known problems of the hand-made lines, and nothing of a retired line', async () => {
    const report = await dataHealth();
    expect(report.lineCodes).not.toContain('L93');

    const thin = report.thinLines.filter((line) => TEST_LINES.includes(line.lineCode));
    expect(thin).toEqual([
      { lineCode: 'L92', experts: 1, expert: { stationId: 'dh-c', name: 'Cecilia Testinen' } },
    ]);
    expect(report.linesWithoutCoordinator).toContain('L92');
    expect(report.linesWithoutCoordinator).not.toContain('L91');
    expect(report.linesWithoutCoordinator).not.toContain('L93');

    expect(report.uncoveredAbsences.filter((a) => TEST_LINES.includes(a.lineCode))).toEqual([
      { lineCode: 'L92', stationId: 'dh-c', name: 'Cecilia Testinen', awayUntil: '2099-01-01' },
    ]);

    const stale = report.staleCards.filter((card) => TEST_STATIONS.includes(card.stationId));
    expect(stale).toEqual([
      { stationId: 'dh-c', name: 'Cecilia Testinen', verifiedOn: null, lineCodes: ['L92'] },
      { stationId: 'dh-b', name: 'Bertta Testinen', verifiedOn: '2020-01-01', lineCodes: ['L91'] },
    ]);

    const gapsOf = (code: string) =>
      report.unreachedMunicipalities
        .find((gap) => gap.lineCode === code)
        ?.municipalities.filter((m) => m.code.startsWith('DH'));
    expect(gapsOf('L91') ?? []).toEqual([]);
    expect(gapsOf('L92')).toEqual([
      { code: 'DH3', name: 'Mallila', status: 'UNCOVERED' },
      { code: 'DH1', name: 'Testilä', status: 'AWAY_ONLY' },
    ]);
    expect(report.unreachedMunicipalities.some((gap) => gap.lineCode === 'L93')).toBe(false);
  });

  it("checks reach against the centre's area, which now holds the test area too", async () => {
    const report = await dataHealth();
    const [area] = await cypher<{ n: number }>(
      `MATCH (s:Station)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true)
       MATCH (s)-[:SERVES]->(:Region)-[:PART_OF*0..3]->(a:Region {kind: 'AREA'})
       WITH DISTINCT a
       MATCH (m:Region {kind: 'MUNICIPALITY'})-[:PART_OF*1..2]->(a)
       RETURN count(DISTINCT m) AS n`,
    );
    expect(report.areaMunicipalities).toBe(area?.n);
    // L92 reaches exactly one municipality of the area (DH2, through its unit).
    const l92 = report.unreachedMunicipalities.find((gap) => gap.lineCode === 'L92');
    expect(l92?.municipalities).toHaveLength(report.areaMunicipalities - 1);
  });

  it('lists exactly the demo experts whose cards are six months old, as Cypher counts them', async () => {
    const report = await dataHealth();
    const [counted] = await cypher<{ n: number }>(
      `MATCH (s:Expert) WHERE EXISTS { (s)-[:ON_LINE]->(l:Line) WHERE coalesce(l.active, true) }
         AND (s.verifiedOn IS NULL OR s.verifiedOn <= date($cutoff))
       RETURN count(s) AS n`,
      { cutoff: report.staleCutoff },
    );
    expect(report.staleCards).toHaveLength(counted?.n ?? -1);
    expect(
      report.staleCards.every((c) => c.verifiedOn === null || c.verifiedOn <= report.staleCutoff),
    ).toBe(true);
  });

  it('follows a change at the next request: an absence that takes a line away', async () => {
    const before = await dataHealth();
    await writeTransaction(database, async (tx) => {
      await tx.run("MATCH (s:Station {id: 'dh-a'}) SET s.awayUntil = date() + duration('P30D')");
      await bumpNetworkRevision(tx);
    });
    const after = await dataHealth();
    expect(after.revision).toBeGreaterThan(before.revision);
    // dh-b is still there on L91: no uncovered absence, but dh-a's county is reached only
    // through someone away now, apart from DH3 which dh-b serves.
    expect(after.uncoveredAbsences.some((a) => a.lineCode === 'L91')).toBe(false);
    const l91 = after.unreachedMunicipalities.find((gap) => gap.lineCode === 'L91');
    expect(l91?.municipalities.filter((m) => m.code.startsWith('DH'))).toEqual([
      { code: 'DH2', name: 'Koekylä', status: 'AWAY_ONLY' },
      { code: 'DH1', name: 'Testilä', status: 'AWAY_ONLY' },
    ]);
  });
});
