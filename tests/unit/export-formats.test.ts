/** The export formats on a tiny network: contacts by visibility, escaping, CSV defusing, ids. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type {
  ExportNetwork,
  ExportStation,
} from '../../server/src/features/exports/export.types.ts';
import {
  networkEdges,
  stableUuid,
  toGexf,
  toGraphml,
  toHsds,
  toStationsCsv,
  visibleContacts,
} from '../../server/src/features/exports/export-formats.ts';

function station(id: string, extra: Partial<ExportStation> = {}): ExportStation {
  return {
    id,
    kind: 'EXPERT',
    name: `Asiantuntija ${id}`,
    title: 'psykologi',
    description: null,
    serviceLevel: 'DEMANDING',
    languages: ['fi'],
    channels: ['PHONE'],
    awayUntil: null,
    email: `${id}@example.fi`,
    phone: '+358 40 000 0000',
    publicCard: false,
    organisationId: 'org-1',
    organisationName: 'Pirkanmaan hyvinvointialue',
    regionCodes: ['837'],
    lineCodes: ['L1'],
    x: 1,
    y: 2,
    ...extra,
  };
}

const network: ExportNetwork = {
  revision: 3,
  exportedAt: '2026-11-23T12:00:00.000Z',
  lines: [
    {
      id: 'line-L1',
      code: 'L1',
      number: 1,
      color: '#c8102e',
      nameFi: 'Terveydenhuollon OT-asiakkuudet',
      nameSv: null,
      nameEn: 'Health care',
      descriptionFi: null,
      stationIds: ['a', 'b', 'c'],
      coordinatorIds: ['b'],
    },
  ],
  stations: [
    station('a', { name: 'Tom & "Jerry" <Oy>', publicCard: true }),
    station('b', { name: '=HYPERLINK("http://x")' }),
    station('c', { kind: 'UNIT', name: 'EVA', publicCard: true, description: 'Yksikkö' }),
  ],
  regions: [{ code: '837', name: 'Tampere', kind: 'MUNICIPALITY', parentCode: null }],
  organisations: [{ id: 'org-1', name: 'Pirkanmaan hyvinvointialue', sector: 'SOCIAL' }],
};

describe('export formats', () => {
  it('shows contact details to signed-in staff, and only public cards otherwise', () => {
    expect(visibleContacts(network, true).stations.map((s) => s.email)).toEqual([
      'a@example.fi',
      'b@example.fi',
      'c@example.fi',
    ]);
    const anonymous = visibleContacts(network, false).stations;
    expect(anonymous.map((s) => s.email)).toEqual(['a@example.fi', null, 'c@example.fi']);
    expect(anonymous[1]?.phone).toBeNull();
  });

  it('writes well-formed XML whatever the names hold', () => {
    for (const text of [toGraphml(network), toGexf(network)]) {
      expect(XMLValidator.validate(text)).toBe(true);
    }
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
      toGexf(network),
    );
    expect(parsed.gexf.graph.nodes.node[0]['@label']).toBe('Tom & "Jerry" <Oy>');
    expect(networkEdges(network)).toHaveLength(2);
  });

  it('defuses spreadsheet formulas in the CSV', () => {
    const csv = toStationsCsv(network);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.split('\r\n')[0]).toBe(
      'id,kind,name,title,service_level,organisation,lines,languages,channels,regions,away_until,email,phone,x,y',
    );
  });

  it('gives stable UUIDs and lists the coordinator first among a line service contacts', () => {
    expect(stableUuid('service:line:L1')).toBe(stableUuid('service:line:L1'));
    expect(stableUuid('service:line:L1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const hsds = toHsds(network) as {
      services: Array<{ name: string; contacts: Array<{ name: string }> }>;
    };
    expect(hsds.services.map((s) => s.name)).toEqual(['L1 Terveydenhuollon OT-asiakkuudet', 'EVA']);
    expect(hsds.services[0]?.contacts[0]?.name).toBe('=HYPERLINK("http://x")');
  });
});
