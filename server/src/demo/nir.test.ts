import {
  checkNir,
  formatNir,
  isNirMonth,
  maskNir,
  nirKey,
  nirMessages,
  nirSchema,
  nirSex,
  normalizeNir,
} from '@spie/contract/people';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const sexDigit = fc.constantFrom('1', '2', '3', '4', '7', '8');
const validMonth = fc
  .oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 42 }), fc.integer({ min: 50, max: 99 }))
  .map((m) => String(m).padStart(2, '0'));
const departement = fc.oneof(digits(2), fc.constantFrom('2A', '2B'));

/** Any well-formed 13-character body: sex, year, month, département, commune, order. */
const body13 = fc
  .tuple(sexDigit, digits(2), validMonth, departement, digits(3), digits(3))
  .map((parts) => parts.join(''));
const withKey = (body: string) => body + String(nirKey(body)).padStart(2, '0');
const validNir = body13.map(withKey);

describe('checkNir', () => {
  it('accepts any well-formed body followed by its computed key', () => {
    fc.assert(
      fc.property(body13, (body) => {
        const key = nirKey(body);
        expect(key).toBeGreaterThanOrEqual(1);
        expect(key).toBeLessThanOrEqual(97);
        expect(checkNir(withKey(body))).toEqual({ ok: true, nir: withKey(body) });
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects any single-digit change, naming the part that became wrong', () => {
    const change = validNir.chain((nir) =>
      fc.record({
        nir: fc.constant(nir),
        position: fc.integer({ min: 0, max: 14 }),
        digit: fc.constantFrom(...'0123456789'),
      }),
    );
    fc.assert(
      fc.property(
        change.filter(({ nir, position, digit }) => nir[position] !== digit),
        ({ nir, position, digit }) => {
          const changed = nir.slice(0, position) + digit + nir.slice(position + 1);
          // The oracle: which check fails first for this change.
          let expected: string;
          if (position === 0 && !'123478'.includes(digit)) expected = 'nir.sex';
          else if ((position === 3 || position === 4) && !isNirMonth(changed.slice(3, 5)))
            expected = 'nir.month';
          else if (position === 5 && /^2[AB]$/.test(nir.slice(5, 7)))
            expected = 'nir.format'; // "2A" → "dA"
          else expected = 'nir.key'; // 97 is prime and never divides d × 10^k (|d| ≤ 9), nor 19/18 vs "2d"
          const result = checkNir(changed);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.code).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads a transposition of two different adjacent digits as a key error', () => {
    fc.assert(
      fc.property(
        validNir.filter((n) => /^\d+$/.test(n)),
        fc.integer({ min: 5, max: 11 }),
        (nir, i) => {
          fc.pre(nir[i] !== nir[i + 1]);
          const swapped = nir.slice(0, i) + nir[i + 1] + nir[i] + nir.slice(i + 2);
          expect(checkNir(swapped)).toMatchObject({ ok: false, code: 'nir.key' });
        },
      ),
    );
  });

  it('validates known numbers, Corsica included, with the official 2A → 19 / 2B → 18 rule', () => {
    // Published examples (python-stdnum, stdnum/fr/nir.py doctests):
    // 2 95 10 99 126 111 93: 2951099126111 = 97 × 30423702331 + 4 → key 97 − 4 = 93.
    expect(checkNir('2 95 10 99 126 111 93')).toEqual({ ok: true, nir: '295109912611193' });
    // 2 53 07 2A 073 004 43: 2A → 19, 2530719073004 = 97 × 26089887350 + 54 → key 97 − 54 = 43.
    expect(checkNir('2 53 07 2A 073 004 43')).toEqual({ ok: true, nir: '253072A07300443' });
    // 2 53 07 2B 073 004 70: 2B → 18, 2530718073004 = 97 × 26089877041 + 27 → key 97 − 27 = 70.
    expect(checkNir('2 53 07 2B 073 004 70')).toEqual({ ok: true, nir: '253072B07300470' });

    // Derived by hand: a man born in November 1985 in Ajaccio (2A004), order 123.
    // 2A → 19: 1851119004123 = 97 × 19083701073 + 42 → key 55. The other official wording,
    // "2A → 20 then − 1,000,000", gives the same number: 1851120004123 − 1000000 = 1851119004123.
    expect(nirKey('185112A004123')).toBe(55);
    expect(checkNir('1 85 11 2A 004 123 55')).toMatchObject({ ok: true });
    // Same in Bastia's département (2B): 2B → 18: 1851118004123 = 97 × 19083690764 + 15 → key 82.
    expect(nirKey('185112B004123')).toBe(82);
    expect(checkNir('1 85 11 2B 004 123 82')).toMatchObject({ ok: true });
    // Born in Corsica before 1976: plain département 20, plain arithmetic.
    // 1700320004015 = 97 × 17529072206 + 33 → key 64.
    expect(checkNir('1 70 03 20 004 015 64')).toMatchObject({ ok: true });
    // Corsica is computed as 19/18, not as "19 then − 1,000,000" (which would give 70 and 27).
    expect(checkNir('253072A07300470')).toMatchObject({ ok: false, code: 'nir.key' });
    expect(checkNir('253072B07300427')).toMatchObject({ ok: false, code: 'nir.key' });
  });

  it('refuses to compute a key on a malformed body, without echoing it', () => {
    for (const bad of ['', '29510991261', '29510991261110', '2951099X26111', '253072C073004']) {
      expect(() => nirKey(bad)).toThrow(RangeError);
      try {
        nirKey(bad);
      } catch (error) {
        if (bad) expect((error as Error).message).not.toContain(bad);
      }
    }
  });

  it('reports sex and month errors with their own codes', () => {
    const body = '5851175118123'; // sex 5 does not exist
    expect(checkNir(withKey(body))).toEqual({ ok: false, code: 'nir.sex', message: nirMessages.sex });
    for (const month of ['00', '13', '19', '43', '49']) {
      expect(checkNir(withKey(`185${month}75118123`))).toEqual({
        ok: false,
        code: 'nir.month',
        message: nirMessages.month,
      });
    }
    for (const month of ['01', '12', '20', '30', '42', '50', '99']) {
      expect(checkNir(withKey(`185${month}75118123`))).toMatchObject({ ok: true });
    }
  });

  it('gives nir.format and the French message for any length other than 15', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 30 }).filter((s) => s.length !== 15),
        (s) => {
          expect(checkNir(s)).toEqual({
            ok: false,
            code: 'nir.format',
            message: 'Le NIR doit comporter 15 caractères (13 chiffres et une clé de 2 chiffres).',
          });
        },
      ),
    );
    // 13 digits without the key are not enough for us.
    expect(checkNir('2951099126111')).toMatchObject({ ok: false, code: 'nir.format' });
  });

  it('gives nir.format for letters outside a Corsican département', () => {
    expect(checkNir('253072C07300443')).toEqual({
      ok: false,
      code: 'nir.format',
      message: nirMessages.characters,
    });
    expect(checkNir('2530A2A07300443')).toMatchObject({ ok: false, code: 'nir.format' });
    expect(checkNir('25307AB07300443')).toMatchObject({ ok: false, code: 'nir.format' });
  });
});

describe('normalizeNir', () => {
  it('accepts spaces, dots, dashes and lower case anywhere', () => {
    const separator = fc.constantFrom('', ' ', '  ', '.', '-', '\u00a0', '\u202f', ' - ');
    fc.assert(
      fc.property(validNir, fc.array(separator, { minLength: 16, maxLength: 16 }), (nir, seps) => {
        const typed = [...nir].map((ch, i) => `${seps[i]}${ch.toLowerCase()}`).join('') + seps[15];
        expect(normalizeNir(typed)).toBe(nir);
        expect(checkNir(typed)).toEqual({ ok: true, nir });
      }),
    );
  });
});

describe('maskNir and formatNir', () => {
  it('formats and masks like the carte Vitale grouping', () => {
    // The shape of the example (its key is not checked: display only needs the shape).
    expect(formatNir('282027512345630')).toBe('2 82 02 75 123 456 30');
    expect(maskNir('2 82 02 75 123 456 30')).toBe('2 82 02 •• ••• ••• 30');
    expect(maskNir('253072A07300443')).toBe('2 53 07 •• ••• ••• 43');
  });

  it('keeps only sex, year, month and key visible', () => {
    fc.assert(
      fc.property(validNir, (nir) => {
        const masked = maskNir(nir);
        expect(masked).toBe(
          `${nir.slice(0, 1)} ${nir.slice(1, 3)} ${nir.slice(3, 5)} •• ••• ••• ${nir.slice(13)}`,
        );
        // Every character of département, commune and order is hidden, whatever the input.
        expect(masked.replace(/\s/g, '').slice(5, 13)).toBe('••••••••');
        expect(formatNir(nir).replace(/ /g, '')).toBe(nir);
      }),
    );
  });

  it('never echoes something that is not shaped like a NIR', () => {
    expect(maskNir('2951099126111')).toBe('• •• •• •• ••• ••• ••');
    expect(maskNir('hello')).toBe('• •• •• •• ••• ••• ••');
    expect(formatNir('29510991')).toBe('29510991');
  });

  it('reads the sex from the first digit, provisional numbers included', () => {
    expect(['1', '3', '7'].map((d) => nirSex(`${d}85117511812355`))).toEqual([1, 1, 1]);
    expect(['2', '4', '8'].map((d) => nirSex(`${d}85117511812355`))).toEqual([2, 2, 2]);
  });
});

describe('nirSchema', () => {
  it('yields the normalized NIR or the French message', () => {
    expect(nirSchema.parse('2 53 07 2a 073 004 43')).toBe('253072A07300443');
    const failed = nirSchema.safeParse('2 53 07 2A 073 004 44');
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe(
      'La clé du NIR ne correspond pas : vérifiez chaque chiffre.',
    );
    expect(nirSchema.safeParse('123').error?.issues[0]?.message).toBe(nirMessages.length);
  });
});
