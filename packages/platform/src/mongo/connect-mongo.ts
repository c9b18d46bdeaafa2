import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logging/logger';

let guardInstalled = false;

/**
 * Our MongoDB-protocol server (FerretDB v1) has no multi-document transactions, and some forks
 * silently ignore them, which is worse. Any attempt to start one fails loudly, everywhere.
 */
export function forbidTransactions(): void {
  if (guardInstalled) return;
  guardInstalled = true;
  const proto = mongoose.mongo.ClientSession.prototype as unknown as Record<string, unknown>;
  for (const method of ['startTransaction', 'withTransaction']) {
    proto[method] = () => {
      throw new Error(`Multi-document transactions are not supported here (${method}); use a single-document update with an outbox.`);
    };
  }
}

/** Opens a dedicated connection to the service's own database (never the global mongoose connection). */
export async function connectMongo(options: {
  url: string;
  dbName: string;
  logger: Logger;
  onCommand?: (command: string, ok: boolean, collection: string) => void;
}): Promise<Connection> {
  forbidTransactions();
  const connection = mongoose.createConnection(options.url, {
    dbName: options.dbName,
    serverSelectionTimeoutMS: 5000,
    maxPoolSize: 20,
    autoIndex: true,
    autoCreate: true,
    monitorCommands: Boolean(options.onCommand),
  });
  const onCommand = options.onCommand;
  if (onCommand) {
    const client = connection.getClient();
    // The collection each command addresses, by request id (only its start event carries the command).
    const targets = new Map<number, string>();
    client.on('commandStarted', (e) => {
      const target = (e.command as Record<string, unknown>)[e.commandName === 'getMore' ? 'collection' : e.commandName];
      targets.set(e.requestId, typeof target === 'string' ? target : '');
    });
    const done = (ok: boolean) => (e: { commandName: string; requestId: number }) => {
      const collection = targets.get(e.requestId) ?? '';
      targets.delete(e.requestId);
      onCommand(e.commandName, ok, collection);
    };
    client.on('commandSucceeded', done(true));
    client.on('commandFailed', done(false));
  }
  connection.on('disconnected', () => options.logger.warn({ db: options.dbName }, 'database disconnected'));
  connection.on('reconnected', () => options.logger.info({ db: options.dbName }, 'database reconnected'));
  await connection.asPromise();
  return connection;
}

export async function pingMongo(connection: Connection): Promise<void> {
  if (!connection.db) throw new Error('not connected');
  await connection.db.admin().command({ ping: 1 });
}

/** Creates every store's indexes at start, together. */
export async function ensureIndexes(...stores: { ensureIndexes(): Promise<unknown> }[]): Promise<void> {
  await Promise.all(stores.map((store) => store.ensureIndexes()));
}
