import type { PersonOffers } from '@spie/contract/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../testing/fixtures';
import type { TestClient } from '../../../testing/httpClient';
import { createPersonFixture } from '../../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../../testing/testContext';
import { ageOn } from './offers.queries';
import { completedDiagnostic, r, seedCatalogue, territory93 } from './search.testkit';

/**
 * « Offres pour cette personne »: a woman of 36 living in Bobigny, RSA open, whose latest
 * diagnostic says mobility is a strong constraint and « trouver un emploi » a need, radius 10 km.
 */
let ctx: TestContext;
let girard: TestClient;
let personId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
  await seedCatalogue(ctx, personId);
  const { id: territoryId } = await territory93(ctx);
  await ctx.deps.database.db
    .insertInto('person_statuses')
    .values({
      territory_id: territoryId,
      person_id: personId,
      kind: 'rsa',
      value: '2',
      start_date: '2025-01-01',
    })
    .execute();
  // An older version said otherwise: only the latest counts.
  await completedDiagnostic(ctx, personId, { constraints: { logement: { impact: 'fort' } } }, 1);
  await completedDiagnostic(
    ctx,
    personId,
    {
      situation: { mobilityRadiusKm: 10, rqth: 'no' },
      constraints: {
        mobilite: { impact: 'fort' },
        logement: { impact: 'sans_impact' },
        numerique: { impact: 'non_explore' },
      },
      axes: { trouver_un_emploi: { level: 'besoin' }, se_former: { level: 'point_fort' } },
    },
    2,
  );
  girard = await loginAs(ctx, 'Girard');
});
afterAll(() => ctx.close());

async function offers(client: TestClient, id: string, query: Record<string, string> = {}) {
  const res = await client.call<PersonOffers>(r.personOffers, { params: { id }, query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('offers for a person', () => {
  it('states the basis: needs of the latest diagnostic, commune, radius, publics', async () => {
    const res = await offers(girard, personId);
    expect(res.basis).toEqual({
      commune: { code: '93008', name: 'Bobigny' },
      radiusKm: 10,
      needs: [
        { theme: 'mobilite', label: 'Mobilité' },
        { theme: 'trouver_un_emploi', label: 'Trouver un emploi' },
      ],
      publics: ['beneficiaires-des-minimas-sociaux', 'femmes'],
      diagnosticVersion: 2,
    });
    expect(res.hint).toBeNull();
  });

  it('ranks by needs answered, then distance, remote last; only publics that fit', async () => {
    const res = await offers(girard, personId);
    const ids = res.items.map((i) => i.id);
    expect(ids).toEqual([
      't--conseil-paris01', // 2 needs
      't--permis-bobigny', // 0 km, quality 0.9
      't--femmes-bobigny', // 0 km, 0.6
      't--hybrid-bobigny', // 0 km, 0.5
      't--full-bobigny', // 0 km, 0.3
      't--nocap-bobigny', // 0 km, 0.3
      't--session-drancy', // 1.8 km
      't--session-late',
      't--velo-pantin', // 2.4 km
      't--emploi-lilas', // 3.2 km
      't--emploi-blanc-mesnil', // 3.9 km
      't--conseil-aubervilliers', // 4.0 km
      't--permis-paris19', // 4.6 km
      't--remote-93', // remote, by quality
      't--remote-france',
      't--remote-null',
    ]);
    // Young people only, too far, another département, a draft: never.
    for (const absent of [
      't--garage-drancy',
      't--scooter-tremblay',
      't--remote-69',
      't--remote-drancy',
      't--draft-bobigny',
    ])
      expect(ids).not.toContain(absent);
  });

  it('says why each service is suggested, in French', async () => {
    const res = await offers(girard, personId);
    const reasons = (id: string) => res.items.find((i) => i.id === id)?.reasons;
    expect(reasons('t--conseil-paris01')).toEqual([
      'Répond aux besoins : Mobilité, Trouver un emploi',
      'À 9 km de Bobigny',
      'Ouvert à tous les publics',
      '3 places libres',
    ]);
    expect(reasons('t--femmes-bobigny')).toEqual([
      'Répond au besoin : Mobilité',
      'À Bobigny',
      'Pour les publics : femmes',
      '2 places libres',
    ]);
    expect(reasons('t--full-bobigny')).toContain('Liste d’attente ouverte');
    expect(reasons('t--session-drancy')).toEqual([
      'Répond au besoin : Mobilité',
      'À 1,8 km de Bobigny',
      'Ouvert à tous les publics',
      '5 places libres',
      'Prochaine session le 22/11/2026',
    ]);
    expect(reasons('t--remote-93')).toEqual([
      'Répond au besoin : Mobilité',
      'À distance, ouvert aux habitants de Bobigny',
      'Ouvert à tous les publics',
      '50 places libres',
    ]);
    const paris = res.items.find((i) => i.id === 't--conseil-paris01');
    expect(paris?.distanceKm).toBe(9);
    expect(res.items.find((i) => i.id === 't--remote-93')?.distanceKm).toBeNull();
  });

  it('the radius asked for overrides the diagnostic’s', async () => {
    const res = await offers(girard, personId, { radiusKm: '2' });
    expect(res.basis.radiusKm).toBe(2);
    expect(res.items.map((i) => i.id)).not.toContain('t--conseil-paris01');
    expect(res.items.map((i) => i.id)).toContain('t--session-drancy');
    expect(res.items.map((i) => i.id)).not.toContain('t--velo-pantin');
  });

  it('without a diagnostic: no items and a hint', async () => {
    const other = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }], {
      birthDate: '2005-03-01',
    });
    const res = await offers(girard, other);
    expect(res.items).toEqual([]);
    expect(res.basis.diagnosticVersion).toBeNull();
    expect(res.basis.publics).toEqual(['jeunes', 'femmes']);
    expect(res.basis.radiusKm).toBe(15);
    expect(res.hint).toMatch(/Aucun diagnostic terminé/);
  });

  it('without a commune: remote offers only, and a hint', async () => {
    const other = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
    await ctx.deps.database.db
      .updateTable('persons')
      .set({ commune_code: null })
      .where('id', '=', other)
      .execute();
    await completedDiagnostic(ctx, other, { constraints: { mobilite: { impact: 'moyen' } } });
    const res = await offers(girard, other);
    expect(res.basis.commune).toBeNull();
    expect(res.items.map((i) => i.id).sort()).toEqual(['t--remote-france', 't--remote-null']);
    expect(res.hint).toMatch(/commune de la personne/);
  });

  it('someone outside the person’s team gets nothing', async () => {
    for (const lastName of ['Petit', 'Fontaine']) {
      const client = await loginAs(ctx, lastName);
      const res = await client.call(r.personOffers, { params: { id: personId } });
      expect([403, 404]).toContain(res.status);
    }
  });

  it('audits each read as a read of the person’s journey', async () => {
    const rows = await ctx.deps.database.db
      .selectFrom('audit_log')
      .select(['person_id', 'section', 'outcome'])
      .where('action', '=', 'catalogue.personOffers')
      .execute();
    const ok = rows.filter((row) => row.outcome === 'success');
    expect(ok.length).toBeGreaterThanOrEqual(4);
    expect(ok.filter((row) => row.person_id === personId).every((row) => row.section === 'journey')).toBe(
      true,
    );
    expect(rows.some((row) => row.outcome === 'denied')).toBe(true);
  });

  it('computes ages on birthdays', () => {
    expect(ageOn('2000-11-02', '2026-11-02')).toBe(26);
    expect(ageOn('2000-11-03', '2026-11-02')).toBe(25);
  });
});
