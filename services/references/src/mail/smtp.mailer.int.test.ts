import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongo, createLogger } from '@vetting/platform';
import { randomName, testInfra, waitFor } from '@vetting/platform/testing';
import { createSmtpMailer } from './smtp.mailer';

interface Received {
  to: string[];
  raw: string;
}

describe('SMTP mail transport (a real SMTP server, real FerretDB)', () => {
  let db: Connection;
  let server: SMTPServer;
  let url: string;
  const received: Received[] = [];

  beforeAll(async () => {
    const infra = await testInfra();
    db = await connectMongo({ url: infra.mongoUrl, dbName: randomName('refmail').replace(/-/g, '_'), logger: createLogger('t', 'silent') });
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.dropDatabase();
    await db.close();
  });

  it('when a referee request is mailed twice (a job rerun), then the SMTP server receives it once, with a Message-ID derived from the mail id', async () => {
    const mailer = createSmtpMailer(db, { url, from: 'vetting-noreply@un.example' });
    const message = {
      id: 'c-1.1.misconduct-disclosure.1.1.request',
      to: 'hr@relief.example',
      subject: 'Misconduct disclosure request',
      text: 'Please answer: http://x/referee/abc',
    };
    await mailer.send(message);
    await mailer.send(message);
    await waitFor(() => received.length >= 1);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['hr@relief.example']);
    expect(received[0]!.raw).toContain('Message-ID: <c-1.1.misconduct-disclosure.1.1.request@references.vetting>');
    expect(received[0]!.raw).toContain('http://x/referee/abc');
    const log = await db.collection('mail_sent').findOne({ _id: message.id as never });
    expect(log).toMatchObject({ _id: message.id });
    // The log keeps no body and no address (the employer's e-mail would outlive the person's erasure).
    expect(JSON.stringify(log)).not.toContain('referee/abc');
    expect(JSON.stringify(log)).not.toContain('relief.example');
    mailer.close();
  });

  it('when the SMTP server refuses the mail, then sending throws (the job retries) and nothing is logged as sent', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo: (_a, _s, cb) => cb(new Error('mailbox unavailable')),
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const mailer = createSmtpMailer(db, {
      url: `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`,
      from: 'vetting-noreply@un.example',
    });
    await expect(mailer.send({ id: 'refused-1', to: 'hr@closed.example', subject: 's', text: 't' })).rejects.toThrow();
    expect(await db.collection('mail_sent').findOne({ _id: 'refused-1' as never })).toBeNull();
    mailer.close();
    await new Promise<void>((resolve) => refusing.close(() => resolve()));
  });
});
