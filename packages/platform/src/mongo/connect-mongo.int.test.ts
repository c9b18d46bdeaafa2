import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { createLogger } from '../logging/logger';
import { testInfra } from '../testing/test-infra';
import { randomName } from '../testing/wait-for';
import { connectMongo } from './connect-mongo';

describe('connectMongo (real FerretDB)', () => {
  let db: Connection;
  const seen: { command: string; ok: boolean }[] = [];
  beforeAll(async () => {
    db = await connectMongo({
      url: (await testInfra()).mongoUrl,
      dbName: randomName('conn'),
      logger: createLogger('test', 'silent'),
      onCommand: (command, ok) => void seen.push({ command, ok }),
    });
  });
  afterAll(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('when a service sends database commands, then each is reported by name and outcome (db_commands_total)', async () => {
    const things = db.collection('things');
    await things.insertOne({ _id: 'a' } as never);
    await things.findOne({ _id: 'a' } as never);
    await things.insertOne({ _id: 'a' } as never).catch(() => undefined);
    expect(seen).toEqual(
      expect.arrayContaining([
        { command: 'insert', ok: true },
        { command: 'find', ok: true },
      ]),
    );
    // A duplicate key is a write error inside a successful command reply, not a failed command.
    expect(seen.filter((s) => s.command === 'insert')).toHaveLength(2);
  });
});
