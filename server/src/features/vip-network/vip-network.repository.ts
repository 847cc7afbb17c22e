/** Cypher for the VIP network layer. */
import { type Database, readTransaction, recordsOf } from '../../database/neo4j-driver.ts';
import type { VipNetworkNode } from './vip-network.types.ts';

const VIP_NETWORKS = /* cypher */ `
  MATCH (v:VipNetwork)
  RETURN v { .id, .name, .description } AS network ORDER BY v.name, v.id`;

export class VipNetworkRepository {
  constructor(private readonly database: Database) {}

  async list(): Promise<VipNetworkNode[]> {
    return readTransaction(this.database, async (tx) =>
      recordsOf<{ network: VipNetworkNode }>(await tx.run(VIP_NETWORKS)).map((row) => row.network),
    );
  }
}
