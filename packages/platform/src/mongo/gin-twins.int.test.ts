import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testInfra } from '../testing/test-infra';
import { randomName } from '../testing/wait-for';

type PlanNode = { 'Node Type'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const indexesIn = (node: PlanNode | undefined): string[] =>
  node ? [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexesIn)] : [];

// infra/ferretdb/gin_twins.go: FerretDB 1.24 pushes equality down as `@>`, which its own btree
// indexes cannot serve; the launcher's event trigger gives each index's first key a GIN twin.
describe('GIN twins of FerretDB indexes (real FerretDB on PostgreSQL)', () => {
  let client: MongoClient;
  const dbName = randomName('twins');
  beforeAll(async () => {
    client = await MongoClient.connect((await testInfra()).mongoUrl);
  });
  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('when a collection declares an index, then an equality lookup on its first key is served by a GIN index straight away', async () => {
    const things = client.db(dbName).collection<{ _id: string; aggregateId: string; n: number }>('things');
    await things.insertMany(Array.from({ length: 3000 }, (_, i) => ({ _id: `k${i}`, aggregateId: `a${i % 300}`, n: i })));
    await things.createIndex({ aggregateId: 1, n: 1 });
    const explained = (await things.find({ aggregateId: 'a3' }).explain()) as { queryPlanner?: { Plan?: PlanNode } };
    expect(indexesIn(explained.queryPlanner?.Plan).some((name) => name.startsWith('vgin_'))).toBe(true);
    expect(await things.countDocuments({ aggregateId: 'a3' })).toBe(10);
  });
});
