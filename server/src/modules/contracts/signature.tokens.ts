import { randomBytes, randomInt } from 'node:crypto';
import type { FieldCrypto } from '../../kernel/crypto';
import { safeEqual, sha256 } from '../../kernel/crypto';

/**
 * Secrets of the remote signature: the link token (32 random bytes, base64url, only its SHA-256
 * kept), the one-time code (6 digits, kept as an HMAC with the server key, bound to the link),
 * and the ticket proving the code was checked (random, only its SHA-256 kept).
 */
export const CODE_VALID_MINUTES = 10;
export const MAX_CODES_PER_LINK = 5;
export const MAX_CODE_ATTEMPTS = 5;
export const TICKET_VALID_MINUTES = 30;

export const newLinkToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => sha256(token);

export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
export const hashCode = (crypto: FieldCrypto, linkId: string, code: string) =>
  crypto.blindIndex(`spie:signature-code:v1:${linkId}:${code}`);
/** Constant-time comparison of two hashes. */
export const sameHash = (a: string | null, b: string) => a !== null && safeEqual(a, b);

export const newTicket = () => randomBytes(32).toString('base64url');
export const hashTicket = (ticket: string) => sha256(`spie:signature-ticket:v1:${ticket}`);

/** `06 •• •• •• 78`: enough to recognise one's phone, not to read the number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '•• •• •• •• ••';
  return `${digits.slice(0, 2)} •• •• •• ${digits.slice(-2)}`;
}

/** `a•••@example.org`. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

export const masked = (channel: 'sms' | 'email', recipient: string) =>
  channel === 'sms' ? maskPhone(recipient) : maskEmail(recipient);

/** Address of the page the person opens (the web app serves /signature/:token); absolute with PUBLIC_URL. */
export const signaturePath = (token: string, publicUrl: string | null = null) =>
  `${publicUrl ?? ''}/signature/${token}`;
