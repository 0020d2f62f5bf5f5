import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldCrypto, parseKey, safeEqual, sha256 } from './crypto';

const key = (byte: number) => Buffer.alloc(32, byte);
const crypto = new FieldCrypto(key(7));
const anyKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((a) => Buffer.from(a));

/** Flips one bit of one base64url part of `v1.iv.tag.data`. */
function flipBit(sealed: string, part: 1 | 2 | 3, bit: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part] as string, 'base64url');
  const index = Math.floor(bit / 8) % bytes.length;
  bytes[index] = (bytes[index] as number) ^ (1 << (bit % 8));
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('FieldCrypto', () => {
  it('round-trips any string, NIRs and unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (plain) => {
        expect(crypto.decrypt(crypto.encrypt(plain))).toBe(plain);
      }),
    );
    expect(crypto.decrypt(crypto.encrypt('2 84 05 93 066 123 45'))).toBe('2 84 05 93 066 123 45');
    expect(crypto.decrypt(crypto.encrypt(''))).toBe('');
  });

  it('gives a different ciphertext each time for the same input, never containing it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 60 }), (plain) => {
        const a = crypto.encrypt(plain);
        const b = crypto.encrypt(plain);
        expect(a).not.toBe(b);
        expect(a.startsWith('v1.')).toBe(true);
        expect(a.split('.')).toHaveLength(4);
      }),
    );
    expect(crypto.encrypt('184059306612345')).not.toContain('184059306612345');
  });

  it('throws on a tampered ciphertext (tag, iv or data)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.nat(1000),
        (plain, part, bit) => {
          const tampered = flipBit(crypto.encrypt(plain), part, bit);
          expect(() => crypto.decrypt(tampered)).toThrow();
        },
      ),
    );
    expect(() => crypto.decrypt('v2.a.b.c')).toThrow('Unknown ciphertext format');
    expect(() => crypto.decrypt('garbage')).toThrow('Unknown ciphertext format');
  });

  it('does not decrypt with another key', () => {
    fc.assert(
      fc.property(anyKey, fc.string({ maxLength: 40 }), (other, plain) => {
        fc.pre(!other.equals(key(7)));
        expect(() => new FieldCrypto(other).decrypt(crypto.encrypt(plain))).toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it('blind index: deterministic, key-dependent, distinct for distinct values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        expect(crypto.blindIndex(value)).toBe(new FieldCrypto(key(7)).blindIndex(value));
        expect(crypto.blindIndex(value)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }),
    );
    fc.assert(
      fc.property(anyKey, anyKey, fc.string({ maxLength: 40 }), (k1, k2, value) => {
        fc.pre(!k1.equals(k2));
        expect(new FieldCrypto(k1).blindIndex(value)).not.toBe(new FieldCrypto(k2).blindIndex(value));
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        fc.pre(a !== b);
        expect(crypto.blindIndex(a)).not.toBe(crypto.blindIndex(b));
      }),
    );
    // the index is not the plain hash of the value
    expect(crypto.blindIndex('184059306612345')).not.toBe(
      Buffer.from(sha256('184059306612345'), 'hex').toString('base64url'),
    );
  });
});

describe('key parsing and helpers', () => {
  it('accepts 32 bytes as hex or base64, refuses anything else', () => {
    const bytes = Buffer.alloc(32, 0xab);
    expect(parseKey(bytes.toString('hex')).equals(bytes)).toBe(true);
    expect(parseKey(bytes.toString('base64')).equals(bytes)).toBe(true);
    expect(() => parseKey('abcd')).toThrow('SPIE_SECRET_KEY must be 32 bytes');
    expect(() => parseKey(Buffer.alloc(31).toString('base64'))).toThrow('SPIE_SECRET_KEY must be 32 bytes');
  });

  it('safeEqual compares by value, including different lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
