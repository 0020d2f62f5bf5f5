import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descriptionScore, freshnessScore, type QualityInput, qualityOf } from './quality';

const today = '2026-11-02';
const complete: QualityInput = {
  description: 'x'.repeat(300),
  date_maj: '2026-10-01',
  type: 'accompagnement',
  thematiques: ['mobilite--preparer-un-permis'] as QualityInput['thematiques'],
  publics: ['tous-publics'] as QualityInput['publics'],
  frais: 'gratuit',
  frais_precisions: null,
  modes_accueil: ['en-presentiel'],
  zone_eligibilite: null,
  modes_mobilisation: ['telephoner'] as QualityInput['modes_mobilisation'],
  mobilisable_par: ['professionnels'] as QualityInput['mobilisable_par'],
  lien_mobilisation: null,
  telephone: '01 02 03 04 05',
  courriel: null,
  adresse: '1 rue de la Gare',
};
const empty: QualityInput = {
  description: 'court',
  date_maj: '2020-01-01',
  type: null,
  thematiques: null,
  publics: null,
  frais: null,
  frais_precisions: null,
  modes_accueil: null,
  zone_eligibilite: null,
  modes_mobilisation: null,
  mobilisable_par: null,
  lien_mobilisation: null,
  telephone: null,
  courriel: null,
  adresse: null,
};
const byId = (q: ReturnType<typeof qualityOf>, id: string) => q.criteria.find((c) => c.id === id);

describe('quality score', () => {
  it('is 1 for a complete, fresh service, with no advice', () => {
    const q = qualityOf(complete, today);
    expect(q.score).toBe(1);
    expect(q.criteria).toHaveLength(9);
    expect(q.criteria.every((c) => c.advice === null)).toBe(true);
  });

  it('is 0 for an empty, two-year-old service, each criterion with French advice', () => {
    const q = qualityOf(empty, today);
    expect(q.score).toBe(0);
    for (const c of q.criteria) expect(c.advice).toMatch(/\p{L}/u);
    expect(byId(q, 'contact')?.advice).toBe('Indiquez un téléphone ou un courriel de contact.');
  });

  it('description length bands: <50 → 0, 50–199 → 0.5, 200–2,000 → 1, >2,000 → 0.5', () => {
    expect(descriptionScore('x'.repeat(49))).toBe(0);
    expect(descriptionScore('x'.repeat(50))).toBe(0.5);
    expect(descriptionScore('x'.repeat(199))).toBe(0.5);
    expect(descriptionScore('x'.repeat(200))).toBe(1);
    expect(descriptionScore('x'.repeat(2000))).toBe(1);
    expect(descriptionScore('x'.repeat(2001))).toBe(0.5);
    expect(
      byId(qualityOf({ ...complete, description: 'x'.repeat(3000) }, today), 'description')?.advice,
    ).toMatch(/Raccourcissez/);
  });

  it('freshness: 1 up to six months, linear to 0 at two years', () => {
    expect(freshnessScore('2026-11-02', today)).toBe(1);
    expect(freshnessScore('2026-05-03', today)).toBe(1); // 183 days
    expect(freshnessScore('2024-11-02', today)).toBe(0); // 730 days
    expect(freshnessScore('2020-11-02', today)).toBe(0);
    const middle = freshnessScore('2025-11-02', today); // 365 days
    expect(middle).toBeCloseTo((730 - 365) / (730 - 183), 5);
    expect(freshnessScore('2027-01-01', today)).toBe(1); // a date in the future counts as fresh
  });

  it('mobilisation through a link needs the link', () => {
    const q = qualityOf(
      {
        ...complete,
        modes_mobilisation: ['utiliser-lien-mobilisation'] as QualityInput['modes_mobilisation'],
      },
      today,
    );
    expect(byId(q, 'mobilisation')?.score).toBeCloseTo(2 / 3, 5);
    expect(byId(q, 'mobilisation')?.advice).toMatch(/lien/);
    const withLink = qualityOf(
      {
        ...complete,
        modes_mobilisation: ['utiliser-lien-mobilisation'] as QualityInput['modes_mobilisation'],
        lien_mobilisation: 'https://exemple.fr/inscription',
      },
      today,
    );
    expect(byId(withLink, 'mobilisation')?.score).toBe(1);
    expect(byId(qualityOf({ ...complete, mobilisable_par: null }, today), 'mobilisation')?.score).toBe(0.5);
  });

  it('paying services need fee details; either phone or e-mail makes a contact', () => {
    expect(byId(qualityOf({ ...complete, frais: 'payant' }, today), 'frais')?.score).toBe(0.5);
    expect(
      byId(qualityOf({ ...complete, frais: 'payant', frais_precisions: '10 € par mois' }, today), 'frais')
        ?.score,
    ).toBe(1);
    expect(
      byId(qualityOf({ ...complete, telephone: null, courriel: 'contact@exemple.fr' }, today), 'contact')
        ?.score,
    ).toBe(1);
  });

  it('modes d’accueil consistent: an address on site, an eligibility zone at a distance', () => {
    const both = { ...complete, modes_accueil: ['en-presentiel', 'a-distance'] } as QualityInput;
    expect(byId(qualityOf(both, today), 'modes_accueil')?.score).toBe(0.5);
    expect(byId(qualityOf({ ...both, zone_eligibilite: ['93'] }, today), 'modes_accueil')?.score).toBe(1);
    expect(byId(qualityOf({ ...complete, adresse: null }, today), 'modes_accueil')?.score).toBe(0);
  });

  it('one missing criterion out of nine lowers the score by a ninth', () => {
    expect(qualityOf({ ...complete, type: null }, today).score).toBeCloseTo(8 / 9, 3);
  });

  it('stays within [0, 1] whatever the fields (property)', () => {
    const optText = fc.option(fc.string({ maxLength: 2500 }), { nil: null });
    const optList = fc.option(
      fc.array(fc.constantFrom('a-distance', 'en-presentiel', 'utiliser-lien-mobilisation', 'x')),
      {
        nil: null,
      },
    );
    fc.assert(
      fc.property(
        fc.record({
          description: fc.string({ maxLength: 2500 }),
          date_maj: fc
            .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          type: fc.option(fc.constant('accompagnement'), { nil: null }),
          thematiques: optList,
          publics: optList,
          frais: fc.option(fc.constantFrom('gratuit', 'payant'), { nil: null }),
          frais_precisions: optText,
          modes_accueil: optList,
          zone_eligibilite: optList,
          modes_mobilisation: optList,
          mobilisable_par: optList,
          lien_mobilisation: optText,
          telephone: optText,
          courriel: optText,
          adresse: optText,
        }),
        (input) => {
          const q = qualityOf(input as unknown as QualityInput, today);
          expect(q.score).toBeGreaterThanOrEqual(0);
          expect(q.score).toBeLessThanOrEqual(1);
          for (const c of q.criteria) {
            expect(c.score).toBeGreaterThanOrEqual(0);
            expect(c.score).toBeLessThanOrEqual(1);
            expect(c.advice === null).toBe(c.score >= 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
