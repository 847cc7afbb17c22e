/** Assembles the GraphQL schema from the feature files. */
import { builder } from './builder.ts';
import './lang.ts';
import './pagination.ts';
import '../features/lines/line.schema.ts';
import '../features/stations/station.schema.ts';
import '../features/regions/region.schema.ts';
import '../features/organisations/organisation.schema.ts';
import '../features/methods/method.schema.ts';
import '../features/research/research.schema.ts';
import '../features/vip-network/vip-network.schema.ts';
import '../features/search/search.schema.ts';
import '../features/map/network-map.schema.ts';
import '../features/routing/routing.schema.ts';
import '../features/auth/account.schema.ts';
import '../features/audit/audit.schema.ts';
import '../features/analytics/analytics.schema.ts';
import '../features/data-health/data-health.schema.ts';
import '../features/consultations/consultation.schema.ts';
import '../features/editing/editing.schema.ts';

export const schema = builder.toSchema();
