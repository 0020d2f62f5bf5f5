import type { Occupancy } from '@spie/contract/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../testing/fixtures';
import { createTestContext, type TestContext } from '../../testing/testContext';
import {
  insertReferral,
  insertService,
  insertSession,
  insertStructure,
  ok,
  orgId,
  r,
} from './catalogue.testkit';

/**
 * Occupancy figures on a small fixture:
 * - S1 (ALI Bobigny, 10 places, mobilité): 3 accepted (answered after 2, 4, 6 days), 1 in progress (1 day),
 *   2 on the waiting list (3 days each), 1 sent (no answer), 1 refused (10 days);
 * - S2 (ALI Saint-Denis, no capacity; sessions of 5 places open and 3 cancelled, numérique):
 *   2 entered (2 and 8 days);
 * - S3 (ALI Bobigny, draft) with a referral: not counted.
 */
let ctx: TestContext;
let bobigny: string;
let saintDenis: string;
let s1: string;
let s2: string;

beforeAll(async () => {
  ctx = await createTestContext();
  bobigny = await orgId(ctx, 'Girard');
  saintDenis = await orgId(ctx, 'Petit');
  const a = await insertStructure(ctx, bobigny);
  const b = await insertStructure(ctx, saintDenis);
  s1 = await insertService(ctx, a, bobigny, { nom: 'A – Permis', capacity: 10 });
  s2 = await insertService(ctx, b, saintDenis, {
    nom: 'B – Numérique',
    capacity: null,
    thematiques: ['numerique--acceder-a-des-services-en-ligne'],
  });
  const s3 = await insertService(ctx, a, bobigny, { nom: 'C – Brouillon', status: 'brouillon' });
  const open = await insertSession(ctx, s2, { places: 5 });
  await insertSession(ctx, s2, { places: 3, status: 'annulee' });
  for (const days of [2, 4, 6]) await insertReferral(ctx, s1, 'acceptee', { answeredAfterDays: days });
  await insertReferral(ctx, s1, 'en_cours', { answeredAfterDays: 1 });
  await insertReferral(ctx, s1, 'en_liste_d_attente', { answeredAfterDays: 3 });
  await insertReferral(ctx, s1, 'en_liste_d_attente', { answeredAfterDays: 3 });
  await insertReferral(ctx, s1, 'envoyee');
  await insertReferral(ctx, s1, 'refusee', { answeredAfterDays: 10 });
  await insertReferral(ctx, s2, 'entree', { sessionId: open, answeredAfterDays: 2 });
  await insertReferral(ctx, s2, 'entree', { sessionId: open, answeredAfterDays: 8 });
  await insertReferral(ctx, s3, 'acceptee', { answeredAfterDays: 1 });
});
afterAll(() => ctx.close());

const statuses = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('occupancy', () => {
  it('territory totals, by organisation and per service', async () => {
    const lambert = await loginAs(ctx, 'Lambert');
    const o = ok<Occupancy>(await lambert.call(r.occupancy, {}));
    expect(o.totals).toMatchObject({
      services: 2,
      places: 15,
      occupied: 6,
      waiting: 2,
      free: 9,
      rate: 0.4,
      medianDaysToAnswer: 3,
    });
    expect(statuses(o.totals.referralsByStatus)).toEqual({
      acceptee: 3,
      en_cours: 1,
      en_liste_d_attente: 2,
      envoyee: 1,
      refusee: 1,
      entree: 2,
    });
    const byOrg = Object.fromEntries(o.byOrganisation.map((b) => [b.organisationId, b]));
    expect(byOrg[bobigny]).toMatchObject({
      places: 10,
      occupied: 4,
      waiting: 2,
      free: 6,
      rate: 0.4,
      medianDaysToAnswer: 3,
    });
    expect(byOrg[saintDenis]).toMatchObject({
      places: 5,
      occupied: 2,
      waiting: 0,
      free: 3,
      rate: 0.4,
      medianDaysToAnswer: 5,
    });
    expect(o.services.map((s) => [s.id, s.places, s.occupied, s.waiting, s.free])).toEqual([
      [s1, 10, 4, 2, 6],
      [s2, 5, 2, 0, 3],
    ]);
    expect(o.services[0]?.owner).toMatch(/Bobigny/);
    expect(o.next).toBeNull();
  });

  it('filters by organisation and by thematique (a category stands for its sub-thematiques)', async () => {
    const fontaine = await loginAs(ctx, 'Fontaine');
    const mobility = ok<Occupancy>(await fontaine.call(r.occupancy, { query: { thematique: 'mobilite' } }));
    expect(mobility.services.map((s) => s.id)).toEqual([s1]);
    expect(mobility.totals).toMatchObject({ places: 10, occupied: 4 });
    const sub = ok<Occupancy>(
      await fontaine.call(r.occupancy, {
        query: { thematique: 'numerique--acceder-a-des-services-en-ligne' },
      }),
    );
    expect(sub.services.map((s) => s.id)).toEqual([s2]);
    const org = ok<Occupancy>(await fontaine.call(r.occupancy, { query: { organisationId: saintDenis } }));
    expect(org.totals).toMatchObject({ services: 1, places: 5, occupied: 2, free: 3, medianDaysToAnswer: 5 });
    expect(org.byOrganisation.map((b) => b.organisationId)).toEqual([saintDenis]);
  });

  it('pages the services by name (keyset)', async () => {
    const haddad = await loginAs(ctx, 'Haddad');
    const first = ok<Occupancy>(await haddad.call(r.occupancy, { query: { limit: '1' } }));
    expect(first.services.map((s) => s.id)).toEqual([s1]);
    expect(first.next).not.toBeNull();
    const second = ok<Occupancy>(
      await haddad.call(r.occupancy, { query: { limit: '1', after: first.next ?? '' } }),
    );
    expect(second.services.map((s) => s.id)).toEqual([s2]);
    expect(second.next).toBeNull();
    // Totals do not depend on the page.
    expect(second.totals.places).toBe(15);
  });

  it('is refused to professionals and orientation managers', async () => {
    for (const name of ['Girard', 'Petit', 'Benali']) {
      const client = await loginAs(ctx, name);
      expect((await client.call(r.occupancy, {})).status, name).toBe(403);
    }
  });
});
