import { checkNir, nirSex } from '@spie/contract/people';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  type FictionalIdentity,
  femaleFirstNames,
  generateIdentities,
  generateIdentity,
  lastNames,
  maleFirstNames,
} from './fictionalIdentities';

/** A few communes of Seine-Saint-Denis, as the demo territory passes them. */
const communes = [
  { code: '93008', postalCode: '93000' },
  { code: '93048', postalCode: '93100' },
  { code: '93066', postalCode: '93200' },
  { code: '93001', postalCode: '93300' },
  { code: '93005', postalCode: '93600' },
  { code: '93027', postalCode: '93120' },
];
const today = new Date('2026-06-15T00:00:00Z');
const options = { communes, today };

function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  return on.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

const share = (people: FictionalIdentity[], test: (p: FictionalIdentity) => boolean) =>
  people.filter(test).length / people.length;

describe('createRng', () => {
  it('is deterministic and stays within its bounds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const drawsA = Array.from({ length: 1000 }, () => a.int(-3, 3));
    const drawsB = Array.from({ length: 1000 }, () => b.int(-3, 3));
    expect(drawsA).toEqual(drawsB);
    expect(new Set(drawsA)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3]));
    const c = createRng(8);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(
      Array.from({ length: 20 }, () => createRng(7).next()),
    );
    const rng = createRng(1);
    const heads = Array.from({ length: 10_000 }, () => rng.chance(0.3)).filter(Boolean).length;
    expect(heads / 10_000).toBeGreaterThan(0.28);
    expect(heads / 10_000).toBeLessThan(0.32);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});

describe('reference lists', () => {
  it('holds enough distinct common names, accents included', () => {
    expect(femaleFirstNames.length + maleFirstNames.length).toBeGreaterThanOrEqual(150);
    expect(lastNames.length).toBeGreaterThanOrEqual(300);
    expect(new Set(lastNames).size).toBe(lastNames.length);
    expect(new Set([...femaleFirstNames, ...maleFirstNames]).size).toBe(
      femaleFirstNames.length + maleFirstNames.length,
    );
    for (const name of ['Élodie', 'Noël', 'Lefèvre']) {
      expect([...femaleFirstNames, ...maleFirstNames, ...lastNames]).toContain(name);
    }
  });
});

describe('generateIdentities', () => {
  const people = generateIdentities(42, 1000, options);

  it('gives the same 1,000 people for the same seed, others for another seed', () => {
    expect(generateIdentities(42, 1000, options)).toEqual(people);
    const other = generateIdentities(43, 1000, options);
    expect(other).not.toEqual(people);
    const sameNir = other.filter((p, i) => p.nir === people[i]?.nir).length;
    expect(sameNir).toBe(0);
  });

  it('gives every person a valid NIR consistent with sex, birth date and birthplace', () => {
    for (const p of people) {
      expect(checkNir(p.nir)).toEqual({ ok: true, nir: p.nir });
      expect(nirSex(p.nir)).toBe(p.sex);
      expect(p.nir.slice(0, 1)).toBe(String(p.sex));
      expect(p.nir.slice(1, 3)).toBe(p.birthDate.slice(2, 4));
      expect(p.nir.slice(3, 5)).toBe(p.birthDate.slice(5, 7));
      const place = p.nir.slice(5, 10);
      if (p.birthPlace.countryCode) {
        expect(p.birthPlace.communeCode).toBeNull();
        expect(p.birthPlace.countryCode).toMatch(/^99\d{3}$/);
        expect(place).toBe(p.birthPlace.countryCode);
      } else {
        const commune = p.birthPlace.communeCode ?? '';
        const year = Number(p.birthDate.slice(0, 4));
        const expected = /^2[AB]/.test(commune) && year < 1976 ? `20${commune.slice(2)}` : commune;
        expect(place).toBe(expected);
        // The départements of 1968 did not exist before.
        if (year < 1968) expect(['78', '91', '92', '93', '94', '95']).not.toContain(commune.slice(0, 2));
      }
    }
  });

  it('keeps civility, names and address coherent', () => {
    for (const p of people) {
      expect(p.civility).toBe(p.sex === 1 ? 'M.' : 'Mme');
      const list = p.sex === 1 ? maleFirstNames : femaleFirstNames;
      expect(p.firstNames.length).toBeGreaterThanOrEqual(1);
      for (const name of p.firstNames) expect(list).toContain(name);
      expect(new Set(p.firstNames).size).toBe(p.firstNames.length);
      expect(lastNames).toContain(p.birthName);
      if (p.usageName !== null) {
        expect(p.sex).toBe(2);
        expect(p.usageName).not.toBe(p.birthName);
      }
      expect(communes).toContainEqual({ code: p.address.communeCode, postalCode: p.address.postalCode });
      expect(p.address.line).toMatch(/^\d{1,3}( bis| ter)? \S+ .+$/);
    }
    expect(share(people, (p) => p.usageName !== null)).toBeGreaterThan(0.05);
  });

  it('draws ages 16–64 with about 15 % under 26 and 25 % born abroad', () => {
    const many = generateIdentities(2026, 20_000, options);
    const ages = many.map((p) => ageOn(p.birthDate, today));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(64);
    const under26 = ages.filter((a) => a < 26).length / ages.length;
    const core = ages.filter((a) => a >= 25 && a <= 49).length / ages.length;
    const abroad = share(many, (p) => p.birthPlace.countryCode !== null);
    console.info(
      `under 26: ${(under26 * 100).toFixed(1)} %, 25–49: ${(core * 100).toFixed(1)} %, born abroad: ${(abroad * 100).toFixed(1)} %`,
    );
    expect(under26).toBeGreaterThanOrEqual(0.1);
    expect(under26).toBeLessThanOrEqual(0.2);
    expect(core).toBeGreaterThan(0.5);
    expect(abroad).toBeGreaterThanOrEqual(0.2);
    expect(abroad).toBeLessThanOrEqual(0.3);
    // The country codes are the weighted COG list, Algeria and Morocco first.
    const algeria = share(many, (p) => p.birthPlace.countryCode === '99352');
    expect(algeria).toBeGreaterThan(0.02);
  });

  it('uses only contact details reserved for fiction', () => {
    for (const p of people) {
      expect(p.phone).toMatch(/^063998\d{4}$/);
      expect(p.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+(\.\d+)?@example\.org$/);
    }
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
  });

  it('generates 100,000 people with unique NIRs and emails (time printed; budgets live in the bench)', () => {
    generateIdentities(1, 2000, options); // warm-up (JIT)
    const start = performance.now();
    const crowd = generateIdentities(100_000, 100_000, options);
    const elapsed = performance.now() - start;
    console.info(`generated ${crowd.length} fictional identities in ${elapsed.toFixed(0)} ms`);
    expect(crowd).toHaveLength(100_000);
    expect(new Set(crowd.map((p) => p.nir)).size).toBe(100_000);
    expect(new Set(crowd.map((p) => p.email)).size).toBe(100_000);
    expect(crowd.every((p) => p.phone.startsWith('063998') && p.email.endsWith('@example.org'))).toBe(true);
  });
});

describe('generateIdentity', () => {
  it('works one at a time from a caller-owned generator', () => {
    const rng = createRng(5);
    const used = new Set<string>();
    const a = generateIdentity(rng, { ...options, usedNirs: used });
    const b = generateIdentity(rng, { ...options, usedNirs: used });
    expect(a.nir).not.toBe(b.nir);
    expect(used).toEqual(new Set([a.nir, b.nir]));
    expect(() => generateIdentity(rng, { communes: [], today })).toThrow(RangeError);
  });
});
