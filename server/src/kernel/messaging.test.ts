import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { queueNotification } from '../modules/notifications';
import { createTestContext, type TestContext } from '../testing/testContext';
import { buildSenders, FakeSmsSender, HttpSmsSender, SmtpSender, StoredOnlySender } from './messaging';
import { retryDelayMs } from './outbox';

interface Received {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

/** A local SMTP server that keeps what it receives (no TLS, no auth). */
class FakeSmtp {
  readonly received: Received[] = [];
  #server: SMTPServer | null = null;
  port = 0;

  async start(port = 0, refuse: (address: string) => boolean = () => false): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!refuse(address.address)) return callback();
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Splits a raw message into decoded headers and a quoted-printable-decoded text body. */
function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  let body = rest.join('\r\n\r\n');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { headers, body: body.replace(/\r\n/g, '\n').trim() };
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=` / `=?UTF-8?B?...?=`). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const smtp = new FakeSmtp();
beforeAll(async () => {
  await smtp.start();
});
afterAll(() => smtp.stop());

describe('SmtpSender', () => {
  it('really speaks SMTP: envelope, headers and body reach the server', async () => {
    const sender = new SmtpSender(`smtp://127.0.0.1:${smtp.port}`, 'SPIE <ne-pas-repondre@spie.localhost>');
    const before = smtp.received.length;
    const result = await sender.send({
      channel: 'email',
      to: 'nina.lopez@example.org',
      subject: 'Votre rendez-vous du 3 décembre',
      body: 'Bonjour Nina,\n\nVotre rendez-vous est confirmé à 9 h 30.\n\nL’équipe SPIE',
      reference: '6f1c2e0a-0000-4000-8000-000000000001',
    });
    // The Message-ID comes from the reference: a message sent again after a crash keeps it.
    expect(result.providerId).toBe('<6f1c2e0a-0000-4000-8000-000000000001@spie.localhost>');
    expect(smtp.received).toHaveLength(before + 1);
    const got = smtp.received.at(-1) as Received;
    expect(got.mailFrom).toBe('ne-pas-repondre@spie.localhost');
    expect(got.rcptTo).toEqual(['nina.lopez@example.org']);
    const { headers, body } = parseMessage(got.raw);
    expect(headers.from).toBe('SPIE <ne-pas-repondre@spie.localhost>');
    expect(headers.to).toBe('nina.lopez@example.org');
    expect(headers.subject).toBe('Votre rendez-vous du 3 décembre');
    expect(headers['message-id']).toBe(result.providerId);
    expect(body).toBe('Bonjour Nina,\n\nVotre rendez-vous est confirmé à 9 h 30.\n\nL’équipe SPIE');
  });

  it('rejects when no server listens', async () => {
    const closed = new FakeSmtp();
    const port = await closed.start();
    await closed.stop();
    const sender = new SmtpSender(`smtp://127.0.0.1:${port}`, 'SPIE <ne-pas-repondre@spie.localhost>');
    await expect(
      sender.send({ channel: 'email', to: 'a@example.org', subject: 's', body: 'b', reference: 'r1' }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a recipient refused for good (550) is an invalid recipient, not a retry', async () => {
    const strict = new FakeSmtp();
    const port = await strict.start(0, (address) => address.startsWith('inconnu@'));
    try {
      const sender = new SmtpSender(`smtp://127.0.0.1:${port}`, 'SPIE <ne-pas-repondre@spie.localhost>');
      const refused = await sender.send({
        channel: 'email',
        to: 'inconnu@example.org',
        subject: 'Invitation',
        body: 'Bonjour',
        reference: 'r-550',
      });
      expect(refused).toEqual({ providerId: null, delivery: 'invalid_recipient' });
      expect(strict.received).toHaveLength(0);
      const accepted = await sender.send({
        channel: 'email',
        to: 'connu@example.org',
        subject: 'Invitation',
        body: 'Bonjour',
        reference: 'r-250',
      });
      expect(accepted.providerId).toBe('<r-250@spie.localhost>');
      expect(strict.received).toHaveLength(1);
    } finally {
      await strict.stop();
    }
  });

  it('buildSenders uses SMTP for email and the HTTP provider for SMS only when configured', () => {
    const withSmtp = buildSenders({ smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'x@example.org' });
    expect(withSmtp.email).toBeInstanceOf(SmtpSender);
    expect(withSmtp.sms).toBeInstanceOf(FakeSmsSender);
    expect(withSmtp.letter).toBeInstanceOf(StoredOnlySender);
    expect(buildSenders({ smtpUrl: null, mailFrom: 'x@example.org' }).email).toBeInstanceOf(StoredOnlySender);
    const config = loadConfig({
      SMS_PROVIDER_URL: 'https://sms.example.org/v1/messages',
      SMS_PROVIDER_KEY: 'cle-du-fournisseur-sms-0123456789',
    });
    expect(config).toMatchObject({
      smsProviderUrl: 'https://sms.example.org/v1/messages',
      smsProviderKey: 'cle-du-fournisseur-sms-0123456789',
    });
    expect(buildSenders(config).sms).toBeInstanceOf(HttpSmsSender);
    expect(loadConfig({})).toMatchObject({ smsProviderUrl: null, smsProviderKey: null });
  });

  it('refuses an SMS provider URL without its key, or a short key', () => {
    expect(() => loadConfig({ SMS_PROVIDER_URL: 'https://sms.example.org' })).toThrow(
      /SMS_PROVIDER_KEY: valeur invalide/,
    );
    expect(() =>
      loadConfig({ SMS_PROVIDER_URL: 'https://sms.example.org', SMS_PROVIDER_KEY: 'court' }),
    ).toThrow(/SMS_PROVIDER_KEY/);
    expect(() =>
      loadConfig({ SMS_PROVIDER_URL: 'pas une adresse', SMS_PROVIDER_KEY: 'x'.repeat(20) }),
    ).toThrow(/SMS_PROVIDER_URL/);
  });
});

describe('notification delivery through SMTP', () => {
  let ctx: TestContext;
  let territoryId: string;
  let port: number;

  beforeAll(async () => {
    port = smtp.port;
    ctx = await createTestContext({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'SPIE 93 <spie@departement93.example.org>' },
    });
    territoryId = (
      await ctx.deps.database.db
        .selectFrom('territories')
        .select('id')
        .where('code', '=', '93')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => ctx.close());

  const queue = (recipient: string, subject: string) =>
    ctx.deps.database.db
      .transaction()
      .execute((trx) =>
        queueNotification(
          trx,
          { territoryId, channel: 'email', recipient, subject, body: `Message pour ${recipient}` },
          ctx.clock.now(),
        ),
      );
  const notification = (id: string) =>
    ctx.deps.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('a queued notification is sent by the worker and reaches the SMTP server', async () => {
    const before = smtp.received.length;
    const id = await queue('sarah.cohen@example.org', 'Invitation à un rendez-vous');
    await ctx.runWorker();
    expect(smtp.received).toHaveLength(before + 1);
    const got = smtp.received.at(-1) as Received;
    expect(got.rcptTo).toEqual(['sarah.cohen@example.org']);
    expect(got.mailFrom).toBe('spie@departement93.example.org');
    expect(parseMessage(got.raw)).toMatchObject({
      headers: { subject: 'Invitation à un rendez-vous' },
      body: 'Message pour sarah.cohen@example.org',
    });
    const row = await notification(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.provider_id).toBe(parseMessage(got.raw).headers['message-id']);
    // sent once
    await ctx.runWorker();
    expect(smtp.received).toHaveLength(before + 1);
  });

  it('when the server is down the notification stays pending, then goes out after the retry delay', async () => {
    await smtp.stop();
    const before = smtp.received.length;
    const id = await queue('anne.dubois@example.org', 'Relance');
    await ctx.runWorker();
    let row = await notification(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    expect(row.next_attempt_at.getTime() - ctx.clock.now().getTime()).toBe(retryDelayMs(1));

    await smtp.start(port);
    // not yet due: nothing is sent
    await ctx.runWorker();
    expect(smtp.received).toHaveLength(before);
    ctx.clock.advance(retryDelayMs(1));
    await ctx.runWorker();
    expect(smtp.received).toHaveLength(before + 1);
    expect(smtp.received.at(-1)?.rcptTo).toEqual(['anne.dubois@example.org']);
    row = await notification(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(row.sent_at?.toISOString()).toBe(ctx.clock.now().toISOString());
  });
});
