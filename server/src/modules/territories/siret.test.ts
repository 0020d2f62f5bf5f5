import { isValidSiret, luhnValid } from '@spie/contract/territories';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The Luhn key of 13 digits, computed independently of the code under test. */
function luhnKey(base: string): string {
  let sum = 0;
  // From the right, the key is position 0; base digits sit at positions 1..13, odd ones doubled.
  for (let i = 0; i < base.length; i++) {
    const position = base.length - i;
    let n = Number(base[i]);
    if (position % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return String((10 - (sum % 10)) % 10);
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const LA_POSTE = '356000000';

describe('SIRET (isValidSiret)', () => {
  it('any 13 digits plus the computed key is valid', () => {
    fc.assert(
      fc.property(digits(13), (base) => {
        expect(isValidSiret(base + luhnKey(base))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('changing any one digit makes it invalid (outside La Poste)', () => {
    fc.assert(
      fc.property(digits(13), fc.nat(13), fc.integer({ min: 1, max: 9 }), (base, position, delta) => {
        const siret = base + luhnKey(base);
        const changed =
          siret.slice(0, position) +
          String((Number(siret[position]) + delta) % 10) +
          siret.slice(position + 1);
        fc.pre(!siret.startsWith(LA_POSTE) && !changed.startsWith(LA_POSTE));
        expect(isValidSiret(changed)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('La Poste establishments: a digit sum divisible by 5 is accepted without a Luhn key', () => {
    // 356 000 000 + 5 digits: sum of digits 3+5+6 = 14, so the last five must add up to 1, 6, 11…
    expect(isValidSiret('35600000000010')).toBe(true);
    expect(luhnValid('35600000000010')).toBe(false);
    expect(isValidSiret('35600000000020')).toBe(false); // sum 16, not Luhn either
    fc.assert(
      fc.property(digits(5), (tail) => {
        const siret = LA_POSTE + tail;
        const sum = [...siret].reduce((s, d) => s + Number(d), 0);
        expect(isValidSiret(siret)).toBe(sum % 5 === 0 || luhnValid(siret));
      }),
    );
  });

  it('refuses anything that is not exactly 14 digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        fc.pre(!/^\d{14}$/.test(text));
        expect(isValidSiret(text)).toBe(false);
      }),
    );
    expect(isValidSiret('7356 1234 0001 2')).toBe(false);
    expect(isValidSiret(`1${'0'.repeat(14)}`)).toBe(false);
  });
});
