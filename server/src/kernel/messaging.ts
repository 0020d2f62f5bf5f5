import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMessage {
  channel: 'email' | 'sms' | 'letter';
  to: string;
  subject: string;
  body: string;
  /**
   * The notification's id: the provider's idempotency key. A message sent again after a crash
   * (the provider accepted it, the outcome was not recorded) carries the same reference, and the
   * provider answers the first send instead of sending twice.
   */
  reference: string;
}

/** What the provider said at once: accepted, or the recipient does not exist. */
export type ImmediateDelivery = 'delivered' | 'invalid_recipient';

export interface SendResult {
  providerId: string | null;
  /** `invalid_recipient`: the number or address does not exist (the contact data must be corrected). */
  delivery?: ImmediateDelivery | null;
}

/** A port per channel: a real adapter in production, a local one in dev and tests. */
export interface MessageSender {
  readonly name: string;
  /** Throws when the message may be tried again later (provider down, timeout, 5xx). */
  send(message: OutgoingMessage): Promise<SendResult>;
}

export type MessageSenders = Record<OutgoingMessage['channel'], MessageSender>;

/** Email over SMTP (nodemailer), e.g. `smtp://user:pass@host:587`. */
export class SmtpSender implements MessageSender {
  readonly name = 'smtp';
  readonly #transport: Transporter;
  readonly #domain: string;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.#transport = nodemailer.createTransport(url);
    this.#domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'spie.localhost';
  }
  async send(message: OutgoingMessage): Promise<SendResult> {
    try {
      const info = await this.#transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        // A message sent again after a crash keeps its Message-ID: mail clients show it once.
        messageId: `<${message.reference}@${this.#domain}>`,
      });
      return { providerId: info.messageId ?? null };
    } catch (error) {
      if (isRecipientRejected(error)) return { providerId: null, delivery: 'invalid_recipient' };
      throw error;
    }
  }
}

/** The server refused the recipient for good (5xx on RCPT TO, e.g. 550 no such user). */
function isRecipientRejected(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; responseCode?: unknown; command?: unknown };
  return (
    e.code === 'EENVELOPE' &&
    typeof e.responseCode === 'number' &&
    e.responseCode >= 500 &&
    e.responseCode < 600 &&
    (e.command === undefined || e.command === 'RCPT TO')
  );
}

/**
 * Keeps the message only in the notifications table, which the demo inbox page shows.
 * Used for every channel without a configured provider, so nothing leaves the machine.
 */
export class StoredOnlySender implements MessageSender {
  readonly name = 'stored-only';
  async send(): Promise<SendResult> {
    return { providerId: null };
  }
}

export const SMS_TIMEOUT_MS = 10_000;

/**
 * An SMS provider over HTTP: `POST <url>` with JSON `{ to, text, reference, sender }`, the key
 * as `Authorization: Bearer`, the reference as `Idempotency-Key` (the provider answers a repeated
 * key with the first answer, without sending again). 2xx: accepted, `{ id }` is the provider's
 * message id that delivery reports quote. 4xx saying the recipient is invalid
 * (`{ "error": "invalid_recipient" }`): the number does not exist. Anything else throws, so the
 * notification is tried again later.
 */
export class HttpSmsSender implements MessageSender {
  readonly name = 'http-sms';
  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly sender = 'SPIE',
    private readonly timeoutMs = SMS_TIMEOUT_MS,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Bearer ${this.key}`,
        'idempotency-key': message.reference,
      },
      body: JSON.stringify({
        to: message.to,
        text: message.body,
        reference: message.reference,
        sender: this.sender,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let answer: Record<string, unknown> = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object') answer = parsed as Record<string, unknown>;
    } catch {
      // not JSON: judged by the status alone
    }
    if (res.ok) {
      const id = answer.id ?? answer.providerId ?? answer.messageId;
      return {
        providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
        delivery: answer.status === 'delivered' ? 'delivered' : null,
      };
    }
    if (res.status >= 400 && res.status < 500 && saysInvalidRecipient(answer)) {
      return { providerId: null, delivery: 'invalid_recipient' };
    }
    // No personal data in the error (it is stored in notifications.last_error and logged).
    throw new Error(`SMS provider answered ${res.status}`);
  }
}

function saysInvalidRecipient(answer: Record<string, unknown>): boolean {
  const values = [answer.error, answer.code, answer.status, answer.reason].filter(
    (v): v is string => typeof v === 'string',
  );
  return values.some((v) => /invalid[_ -]?(recipient|number|phone|destination)/i.test(v));
}

/** 06/07 and 8 digits, or +33 6/7 and 8 digits (spaces, dots and dashes allowed). */
export function isFrenchMobile(phone: string): boolean {
  const compact = phone.replace(/[\s.\-()]/g, '');
  return /^0[67]\d{8}$/.test(compact) || /^(\+33|0033)[67]\d{8}$/.test(compact);
}

export interface RecordedSms {
  to: string;
  text: string;
  reference: string;
  providerId: string;
  delivery: ImmediateDelivery;
}

/**
 * The local SMS provider (dev, demo, tests and the bench): keeps what it "sends" in memory and
 * dedups by reference like a real provider with an idempotency key. Numbers that are not French
 * mobiles are answered `invalid_recipient`, the others `delivered`. Keeps the last `keep`
 * messages only, so a long-running demo server does not grow without bound.
 */
export class FakeSmsSender implements MessageSender {
  readonly name = 'fake-sms';
  readonly messages: RecordedSms[] = [];
  /** Every call to send, repeated references included (tests count re-sends with it). */
  calls = 0;
  readonly #byReference = new Map<string, RecordedSms>();
  #next = 1;

  constructor(private readonly keep = 50_000) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    this.calls++;
    const seen = this.#byReference.get(message.reference);
    if (seen) return { providerId: seen.providerId, delivery: seen.delivery };
    const recorded: RecordedSms = {
      to: message.to,
      text: message.body,
      reference: message.reference,
      providerId: `fake-sms-${this.#next++}`,
      delivery: isFrenchMobile(message.to) ? 'delivered' : 'invalid_recipient',
    };
    this.messages.push(recorded);
    this.#byReference.set(message.reference, recorded);
    if (this.messages.length > this.keep) {
      const dropped = this.messages.shift() as RecordedSms;
      this.#byReference.delete(dropped.reference);
    }
    return {
      providerId: recorded.delivery === 'delivered' ? recorded.providerId : null,
      delivery: recorded.delivery,
    };
  }

  /** How many messages carry this reference (1 when the dedup worked). */
  countOf(reference: string): number {
    return this.messages.filter((m) => m.reference === reference).length;
  }

  clear(): void {
    this.messages.length = 0;
    this.#byReference.clear();
    this.calls = 0;
  }
}

export function buildSenders(config: {
  smtpUrl: string | null;
  mailFrom: string;
  smsProviderUrl?: string | null;
  smsProviderKey?: string | null;
}): MessageSenders {
  const local = new StoredOnlySender();
  return {
    email: config.smtpUrl ? new SmtpSender(config.smtpUrl, config.mailFrom) : local,
    // Without a provider the fake answers: messages stay readable in the notifications (demo inbox).
    sms:
      config.smsProviderUrl && config.smsProviderKey
        ? new HttpSmsSender(config.smsProviderUrl, config.smsProviderKey)
        : new FakeSmsSender(),
    letter: local,
  };
}
