import type { FieldCrypto } from '../../kernel/crypto';
import { sha256 } from '../../kernel/crypto';

/**
 * The invitation code: 12 characters of Crockford's base32 (no I, L, O, U: nothing to confuse
 * when typed from a letter), 60 bits. It is derived from the recipient's id with the server key,
 * so the reminder can quote the same link without the code being stored anywhere; only its
 * SHA-256 is kept (`campaign_recipients.token_hash`) to find the recipient from a link.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

export function invitationCode(crypto: FieldCrypto, recipientId: string): string {
  const bytes = Buffer.from(crypto.blindIndex(`spie:campaign-invitation:v1:${recipientId}`), 'base64url');
  let bits = bytes.readBigUInt64BE(0) >> 4n; // 60 bits
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** What a person may type: lower case, I/L for 1, O for 0 (Crockford's decoding). */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

export const hashInvitationCode = (code: string) => sha256(`spie:campaign-invitation:${normaliseCode(code)}`);

/** « ABCD EFGH JKMN »: easier to copy from a letter. */
export const spacedCode = (code: string) => code.match(/.{1,4}/g)?.join(' ') ?? code;

/** The page the person opens (the web app serves /rdv/:token); absolute with PUBLIC_URL. */
export const invitationUrl = (code: string, publicUrl: string | null) => `${publicUrl ?? ''}/rdv/${code}`;
