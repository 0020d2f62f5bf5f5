import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMessage {
  channel: 'email' | 'sms' | 'letter';
  to: string;
  subject: string;
  body: string;
}

/** A port per channel: a real adapter in production, a local one in dev and tests. */
export interface MessageSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ providerId: string | null }>;
}

export type MessageSenders = Record<OutgoingMessage['channel'], MessageSender>;

/** Email over SMTP (nodemailer), e.g. `smtp://user:pass@host:587`. */
export class SmtpSender implements MessageSender {
  readonly name = 'smtp';
  readonly #transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.#transport = nodemailer.createTransport(url);
  }
  async send(message: OutgoingMessage) {
    const info = await this.#transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
    });
    return { providerId: info.messageId ?? null };
  }
}

/**
 * Keeps the message only in the notifications table, which the demo inbox page shows.
 * Used for every channel without a configured provider, so nothing leaves the machine.
 */
export class StoredOnlySender implements MessageSender {
  readonly name = 'stored-only';
  async send() {
    return { providerId: null };
  }
}

export function buildSenders(config: { smtpUrl: string | null; mailFrom: string }): MessageSenders {
  const local = new StoredOnlySender();
  return {
    email: config.smtpUrl ? new SmtpSender(config.smtpUrl, config.mailFrom) : local,
    sms: local,
    letter: local,
  };
}
