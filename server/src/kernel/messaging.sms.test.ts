import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSmsSender, HttpSmsSender, isFrenchMobile } from './messaging';

interface Received {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/**
 * A local SMS provider: dedups by Idempotency-Key like a real one, answers 422 for numbers
 * starting with 01 (landlines), 503 when `down`, and never answers when `hang`.
 */
class FakeProvider {
  readonly received: Received[] = [];
  readonly #byKey = new Map<string, string>();
  down = false;
  hang = false;
  #server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.hang) return;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        this.received.push({ headers: req.headers, body });
        const send = (status: number, answer: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        };
        if (req.headers.authorization !== 'Bearer cle-de-test-0123456789')
          return send(401, { error: 'bad key' });
        if (this.down) return send(503, { error: 'unavailable' });
        if (String(body.to).startsWith('01')) return send(422, { error: 'invalid_recipient' });
        const key = String(req.headers['idempotency-key']);
        const id = this.#byKey.get(key) ?? `prov-${this.#byKey.size + 1}`;
        this.#byKey.set(key, id);
        return send(202, { id, status: 'accepted' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.#server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/sms`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get keys(): number {
    return this.#byKey.size;
  }
}

const provider = new FakeProvider();
beforeAll(() => provider.start());
afterAll(() => provider.stop());

const message = (to: string, reference: string) => ({
  channel: 'sms' as const,
  to,
  subject: 'Invitation',
  body: 'Bonjour Camille, choisissez votre rendez-vous : /rdv/ABCD2345EFGH',
  reference,
});

describe('HttpSmsSender', () => {
  const sender = () => new HttpSmsSender(provider.url, 'cle-de-test-0123456789', 'CD93', 300);

  it('posts the message as JSON with the key and the reference as idempotency key', async () => {
    const result = await sender().send(message('06 39 98 00 01', 'ref-1'));
    expect(result).toEqual({ providerId: 'prov-1', delivery: null });
    const got = provider.received.at(-1) as Received;
    expect(got.headers.authorization).toBe('Bearer cle-de-test-0123456789');
    expect(got.headers['idempotency-key']).toBe('ref-1');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.body).toEqual({
      to: '06 39 98 00 01',
      text: 'Bonjour Camille, choisissez votre rendez-vous : /rdv/ABCD2345EFGH',
      reference: 'ref-1',
      sender: 'CD93',
    });
  });

  it('a second send with the same reference gets the first answer (the provider dedups)', async () => {
    const first = await sender().send(message('0639980002', 'ref-2'));
    const keys = provider.keys;
    const again = await sender().send(message('0639980002', 'ref-2'));
    expect(again.providerId).toBe(first.providerId);
    expect(provider.keys).toBe(keys);
  });

  it('a 4xx saying the recipient is invalid is an answer, not an error', async () => {
    await expect(sender().send(message('0148000000', 'ref-3'))).resolves.toEqual({
      providerId: null,
      delivery: 'invalid_recipient',
    });
  });

  it('throws (to retry later) on a 5xx, a wrong key or a timeout, without personal data', async () => {
    provider.down = true;
    await expect(sender().send(message('0639980003', 'ref-4'))).rejects.toThrow('SMS provider answered 503');
    provider.down = false;
    const wrongKey = new HttpSmsSender(provider.url, 'mauvaise-cle-0123456789', 'CD93', 300);
    await expect(wrongKey.send(message('0639980003', 'ref-4'))).rejects.toThrow('SMS provider answered 401');
    provider.hang = true;
    const started = Date.now();
    await expect(sender().send(message('0639980003', 'ref-4'))).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - started).toBeLessThan(3000);
    provider.hang = false;
  });

  it('times out after 10 seconds by default', () => {
    const s = new HttpSmsSender(provider.url, 'k');
    expect((s as unknown as { timeoutMs: number }).timeoutMs).toBe(10_000);
  });
});

describe('FakeSmsSender', () => {
  it('records each reference once and answers the first send again', async () => {
    const fake = new FakeSmsSender();
    const a = await fake.send(message('0639980001', 'n-1'));
    const b = await fake.send(message('0639980001', 'n-1'));
    expect(a).toEqual({ providerId: 'fake-sms-1', delivery: 'delivered' });
    expect(b).toEqual(a);
    expect(fake.messages).toHaveLength(1);
    expect(fake.calls).toBe(2);
    expect(fake.countOf('n-1')).toBe(1);
    expect(fake.messages[0]).toMatchObject({ to: '0639980001', reference: 'n-1' });
  });

  it('answers invalid_recipient for numbers that are not French mobiles', async () => {
    const fake = new FakeSmsSender();
    expect((await fake.send(message('01 48 00 00 00', 'n-2'))).delivery).toBe('invalid_recipient');
    expect((await fake.send(message('+33 7 12 34 56 78', 'n-3'))).delivery).toBe('delivered');
    expect((await fake.send(message('06123', 'n-4'))).delivery).toBe('invalid_recipient');
  });

  it('keeps only the last messages', async () => {
    const fake = new FakeSmsSender(3);
    for (let i = 0; i < 5; i++) await fake.send(message('0639980001', `k-${i}`));
    expect(fake.messages.map((m) => m.reference)).toEqual(['k-2', 'k-3', 'k-4']);
  });

  it.each([
    ['0639980001', true],
    ['06 39 98 00 01', true],
    ['07.12.34.56.78', true],
    ['+33639980001', true],
    ['+33 6 39 98 00 01', true],
    ['0033639980001', true],
    ['0148000000', false],
    ['+33148000000', false],
    ['063998000', false],
    ['06399800011', false],
    ['', false],
  ])('isFrenchMobile(%j) = %s', (phone, expected) => {
    expect(isFrenchMobile(phone)).toBe(expected);
  });
});
