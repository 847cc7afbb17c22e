/**
 * The network in the formats researchers and service directories read: GraphML and GEXF (Gephi,
 * Cytoscape desktop), CSV, JSON, and Open Referral HSDS 3.0. Pure functions of an ExportNetwork.
 */
import { createHash } from 'node:crypto';
import type { ExportEdge, ExportNetwork, ExportStation } from './export.types.ts';

/**
 * Contact details only where the caller may see them: signed-in staff see all, others only the
 * cards marked public (units' contacts are always public), as on the station card.
 */
export function visibleContacts(network: ExportNetwork, signedIn: boolean): ExportNetwork {
  if (signedIn) {
    return network;
  }
  return {
    ...network,
    stations: network.stations.map((station) =>
      station.publicCard ? station : { ...station, email: null, phone: null },
    ),
  };
}

/** The drawn segments: consecutive stations of every line, one edge per line and pair. */
export function networkEdges(network: ExportNetwork): ExportEdge[] {
  const edges: ExportEdge[] = [];
  for (const line of network.lines) {
    for (let i = 1; i < line.stationIds.length; i += 1) {
      const source = line.stationIds[i - 1] as string;
      const target = line.stationIds[i] as string;
      if (source !== target) {
        edges.push({
          id: `${line.code}-${i}`,
          source,
          target,
          lineCode: line.code,
          color: line.color,
        });
      }
    }
  }
  return edges;
}

function xml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface NodeAttribute {
  id: string;
  name: string;
  type: 'string' | 'double' | 'boolean';
  value: (station: ExportStation) => string | number | boolean | null;
}

const NODE_ATTRIBUTES: NodeAttribute[] = [
  { id: 'kind', name: 'kind', type: 'string', value: (s) => s.kind },
  { id: 'title', name: 'title', type: 'string', value: (s) => s.title },
  { id: 'serviceLevel', name: 'serviceLevel', type: 'string', value: (s) => s.serviceLevel },
  { id: 'lines', name: 'lines', type: 'string', value: (s) => s.lineCodes.join(';') },
  { id: 'interchange', name: 'interchange', type: 'boolean', value: (s) => s.lineCodes.length > 1 },
  { id: 'organisation', name: 'organisation', type: 'string', value: (s) => s.organisationName },
  { id: 'languages', name: 'languages', type: 'string', value: (s) => s.languages.join(';') },
  { id: 'regions', name: 'regions', type: 'string', value: (s) => s.regionCodes.join(';') },
  { id: 'awayUntil', name: 'awayUntil', type: 'string', value: (s) => s.awayUntil },
  { id: 'email', name: 'email', type: 'string', value: (s) => s.email },
  { id: 'phone', name: 'phone', type: 'string', value: (s) => s.phone },
  { id: 'x', name: 'x', type: 'double', value: (s) => s.x },
  { id: 'y', name: 'y', type: 'double', value: (s) => s.y },
];

/** GraphML: stations as nodes, line segments as edges with the line code and colour. */
export function toGraphml(network: ExportNetwork): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map(
      (a) => `  <key id="${a.id}" for="node" attr.name="${a.name}" attr.type="${a.type}"/>`,
    ),
    '  <key id="line" for="edge" attr.name="line" attr.type="string"/>',
    '  <key id="color" for="edge" attr.name="color" attr.type="string"/>',
    `  <graph id="metrokartta-r${network.revision}" edgedefault="undirected">`,
  ];
  for (const station of network.stations) {
    out.push(`    <node id="${xml(station.id)}">`);
    out.push(`      <data key="label">${xml(station.name)}</data>`);
    for (const attribute of NODE_ATTRIBUTES) {
      const value = attribute.value(station);
      if (value !== null && value !== '') {
        out.push(`      <data key="${attribute.id}">${xml(value)}</data>`);
      }
    }
    out.push('    </node>');
  }
  for (const edge of networkEdges(network)) {
    out.push(
      `    <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}"><data key="line">${xml(edge.lineCode)}</data><data key="color">${xml(edge.color)}</data></edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function rgb(color: string): { r: number; g: number; b: number } {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim())?.[1] ?? '808080';
  return {
    r: Number.parseInt(hex.slice(0, 2), 16),
    g: Number.parseInt(hex.slice(2, 4), 16),
    b: Number.parseInt(hex.slice(4, 6), 16),
  };
}

/** GEXF 1.3: as GraphML, plus viz colours (a node in its first line's colour) and positions. */
export function toGexf(network: ExportNetwork): string {
  const colorOf = new Map(network.lines.map((line) => [line.code, line.color]));
  const gexfType = (type: NodeAttribute['type']) => (type === 'double' ? 'double' : type);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta lastmodifieddate="${network.exportedAt.slice(0, 10)}"><creator>Metrokartta</creator><description>OT-keskus consultation network, revision ${network.revision}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map(
      (a, index) => `      <attribute id="${index}" title="${a.name}" type="${gexfType(a.type)}"/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="line" title="line" type="string"/>',
    '      <attribute id="color" title="color" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const station of network.stations) {
    out.push(`      <node id="${xml(station.id)}" label="${xml(station.name)}">`);
    out.push('        <attvalues>');
    NODE_ATTRIBUTES.forEach((attribute, index) => {
      const value = attribute.value(station);
      if (value !== null && value !== '') {
        out.push(`          <attvalue for="${index}" value="${xml(value)}"/>`);
      }
    });
    out.push('        </attvalues>');
    const { r, g, b } = rgb(colorOf.get(station.lineCodes[0] ?? '') ?? '#808080');
    out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    if (station.x !== null && station.y !== null) {
      out.push(`        <viz:position x="${station.x}" y="${-station.y}" z="0"/>`);
    }
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const edge of networkEdges(network)) {
    const { r, g, b } = rgb(edge.color);
    out.push(
      `      <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}" kind="${xml(edge.lineCode)}" label="${xml(edge.lineCode)}"><attvalues><attvalue for="line" value="${xml(edge.lineCode)}"/><attvalue for="color" value="${xml(edge.color)}"/></attvalues><viz:color r="${r}" g="${g}" b="${b}"/></edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

const CSV_COLUMNS: Array<[string, (station: ExportStation) => string | number | null]> = [
  ['id', (s) => s.id],
  ['kind', (s) => s.kind],
  ['name', (s) => s.name],
  ['title', (s) => s.title],
  ['service_level', (s) => s.serviceLevel],
  ['organisation', (s) => s.organisationName],
  ['lines', (s) => s.lineCodes.join(';')],
  ['languages', (s) => s.languages.join(';')],
  ['channels', (s) => s.channels.join(';')],
  ['regions', (s) => s.regionCodes.join(';')],
  ['away_until', (s) => s.awayUntil],
  ['email', (s) => s.email],
  ['phone', (s) => s.phone],
  ['x', (s) => s.x],
  ['y', (s) => s.y],
];

/** One CSV field (RFC 4180); a leading =, +, - or @ is defused so spreadsheets never run it. */
function csvField(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV: one row per station, UTF-8 with a header; lists joined with `;`. */
export function toStationsCsv(network: ExportNetwork): string {
  const rows = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const station of network.stations) {
    rows.push(CSV_COLUMNS.map(([, value]) => csvField(value(station))).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** JSON: the network as read, with the drawn segments. */
export function toNetworkJson(network: ExportNetwork): string {
  return JSON.stringify({
    format: 'metrokartta-network',
    version: 1,
    revision: network.revision,
    exportedAt: network.exportedAt,
    lines: network.lines,
    stations: network.stations,
    edges: networkEdges(network),
    regions: network.regions,
    organisations: network.organisations,
  });
}

/** A stable UUID (RFC 4122 version 5 layout, SHA-1) for a Metrokartta id: HSDS ids are UUIDs. */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`metrokartta:${name}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LANGUAGE_NAMES: Record<string, string> = {
  fi: 'suomi',
  sv: 'svenska',
  en: 'English',
  ar: 'العربية',
  so: 'Soomaali',
  ru: 'русский',
  fa: 'فارسی',
  ku: 'Kurdî',
  et: 'eesti',
  fse: 'suomalainen viittomakieli',
};

/** The organisation that runs the lines: the OT-keskus itself. */
export const OT_CENTRE = {
  id: 'ot-keskus-tampere',
  name: 'Tampereen osaamis- ja tukikeskus (OT-keskus)',
  description:
    'Lasten, nuorten ja perheiden vaativimpien palvelujen osaamis- ja tukikeskus: konsultaatiot linjoittain.',
};

/**
 * Open Referral HSDS 3.0: every line as a service of the OT-keskus and every unit as a service
 * of its organisation, with service areas, languages and contacts (every station of the line is
 * a contact of its service; e-mail and phone only where the caller may see them).
 */
export function toHsds(network: ExportNetwork): Record<string, unknown> {
  const regionName = new Map(network.regions.map((region) => [region.code, region.name]));
  const stationById = new Map(network.stations.map((station) => [station.id, station]));
  const organisationName = new Map(network.organisations.map((o) => [o.id, o.name]));
  const centre = { id: stableUuid(`organisation:${OT_CENTRE.id}`), ...withoutId(OT_CENTRE) };

  const contact = (serviceId: string, station: ExportStation) => ({
    id: stableUuid(`contact:${serviceId}:${station.id}`),
    service_id: serviceId,
    name: station.name,
    ...(station.title ? { title: station.title } : {}),
    ...(station.organisationName ? { department: station.organisationName } : {}),
    ...(station.email ? { email: station.email } : {}),
    phones: station.phone
      ? [{ id: stableUuid(`phone:${serviceId}:${station.id}`), number: station.phone }]
      : [],
  });
  const areas = (serviceId: string, codes: Iterable<string>) =>
    [...new Set(codes)].sort().map((code) => ({
      id: stableUuid(`area:${serviceId}:${code}`),
      service_id: serviceId,
      name: regionName.get(code) ?? code,
      extent_type: 'text',
      uri: `urn:metrokartta:region:${code}`,
    }));
  const languages = (serviceId: string, codes: Iterable<string>) =>
    [...new Set(codes)].sort().map((code) => ({
      id: stableUuid(`language:${serviceId}:${code}`),
      service_id: serviceId,
      name: LANGUAGE_NAMES[code] ?? code,
      code,
    }));

  const lineServices = network.lines.map((line) => {
    const id = stableUuid(`service:line:${line.code}`);
    const stations = line.stationIds
      .map((stationId) => stationById.get(stationId))
      .filter((station): station is ExportStation => station !== undefined);
    const coordinators = new Set(line.coordinatorIds);
    const ordered = [
      ...stations.filter((s) => coordinators.has(s.id)),
      ...stations.filter((s) => !coordinators.has(s.id)),
    ];
    return {
      id,
      organization_id: centre.id,
      name: `${line.code} ${line.nameFi}`,
      ...(line.nameSv || line.nameEn
        ? { alternate_name: [line.nameSv, line.nameEn].filter(Boolean).join(' / ') }
        : {}),
      description: line.descriptionFi ?? line.nameFi,
      status: 'active',
      organization: centre,
      service_areas: areas(
        id,
        stations.flatMap((s) => s.regionCodes),
      ),
      languages: languages(
        id,
        stations.flatMap((s) => s.languages),
      ),
      contacts: ordered.map((station) => contact(id, station)),
    };
  });
  const unitServices = network.stations
    .filter((station) => station.kind === 'UNIT')
    .map((unit) => {
      const id = stableUuid(`service:unit:${unit.id}`);
      const organisation = unit.organisationId
        ? {
            id: stableUuid(`organisation:${unit.organisationId}`),
            name: organisationName.get(unit.organisationId) ?? unit.organisationName ?? '',
            description: unit.organisationName ?? '',
          }
        : centre;
      return {
        id,
        organization_id: organisation.id,
        name: unit.name,
        description: unit.description ?? unit.name,
        status: 'active',
        ...(unit.email ? { email: unit.email } : {}),
        organization: organisation,
        service_areas: areas(id, unit.regionCodes),
        languages: languages(id, unit.languages.length > 0 ? unit.languages : ['fi']),
        contacts: [contact(id, unit)],
      };
    });
  return {
    hsds_version: '3.0',
    exported_at: network.exportedAt,
    revision: network.revision,
    services: [...lineServices, ...unitServices],
  };
}

function withoutId<T extends { id: string }>(value: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = value;
  return rest;
}
