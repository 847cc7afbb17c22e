/** GraphQL for the metro map: everything it draws in one round trip. */
import { builder } from '../../graphql/builder.ts';
import { LineRef } from '../lines/line.schema.ts';
import type { MapSegment, MapStation, NetworkMap } from './network-map.ts';

const MapStationRef = builder.objectRef<MapStation>('MapStation');

MapStationRef.implement({
  description: 'A station as the map draws it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id of the station (`station(id)` gives its card).' }),
    label: t.exposeString('label', { description: 'Name shown next to the station.' }),
    kind: t.exposeString('kind', { description: 'EXPERT or UNIT: units are drawn differently.' }),
    x: t.exposeFloat('x', { description: 'Horizontal position in map units.' }),
    y: t.exposeFloat('y', { description: 'Vertical position in map units.' }),
    lineCodes: t.exposeStringList('lineCodes', {
      description: 'Lines through the station, in code order.',
    }),
    interchange: t.exposeBoolean('interchange', { description: 'On two or more lines.' }),
    awayUntil: t.exposeString('awayUntil', {
      nullable: true,
      description: 'ISO date an away expert is back; null when at work. Drawn as a disruption.',
    }),
  }),
});

const MapSegmentRef = builder.objectRef<MapSegment>('MapSegment');

MapSegmentRef.implement({
  description: 'A stretch of a line between two consecutive stations.',
  fields: (t) => ({
    lineCode: t.exposeString('lineCode', { description: 'Line the segment belongs to.' }),
    from: t.exposeID('from', { description: 'Station id where the segment starts.' }),
    to: t.exposeID('to', { description: 'Station id where the segment ends.' }),
    offset: t.exposeFloat('offset', {
      description:
        'Where to draw the line beside others sharing this segment, in line widths from the centre, positive to the left travelling from `from` to `to`; 0 when alone.',
    }),
  }),
});

const NetworkMapRef = builder.objectRef<NetworkMap>('NetworkMap');

NetworkMapRef.implement({
  description: 'Everything the metro map draws.',
  fields: (t) => ({
    lines: t.field({
      type: [LineRef],
      description: 'Active lines in code order.',
      resolve: (m) => m.lines,
    }),
    stations: t.field({
      type: [MapStationRef],
      description: 'Every station on an active line.',
      resolve: (m) => m.stations,
    }),
    segments: t.field({
      type: [MapSegmentRef],
      description: 'Line segments in line order.',
      resolve: (m) => m.segments,
    }),
  }),
});

builder.queryFields((t) => ({
  networkMap: t.field({
    type: NetworkMapRef,
    description: 'Everything the metro map draws, in one round trip.',
    resolve: (_root, _args, context) => context.reads.networkMap(context.today),
  }),
}));
