import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Parses a 32-byte key given as base64 or hex. */
export function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('SPIE_SECRET_KEY must be 32 bytes (64 hex chars or base64).');
  return key;
}

/**
 * Field encryption (AES-256-GCM) and keyed blind index (HMAC-SHA-256) derived from one master
 * key, so a stolen database alone reveals neither NIRs nor which rows share one.
 */
export class FieldCrypto {
  readonly #encKey: Buffer;
  readonly #indexKey: Buffer;

  constructor(masterKey: Buffer) {
    this.#encKey = createHmac('sha256', masterKey).update('spie:encryption:v1').digest();
    this.#indexKey = createHmac('sha256', masterKey).update('spie:blind-index:v1').digest();
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.#indexKey).update(value).digest('base64url');
  }
}
