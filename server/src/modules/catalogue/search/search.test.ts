import type { SearchResult } from '@spie/contract/catalogue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../testing/fixtures';
import type { TestClient } from '../../../testing/httpClient';
import { createPersonFixture } from '../../../testing/peopleFixtures';
import { createTestContext, type TestContext } from '../../../testing/testContext';
import {
  departementOf,
  expandThematiques,
  nearbyQuery,
  prepareTextSearch,
  queryWords,
  type SearchFilters,
} from './search.queries';
import { byId, r, seedCatalogue, services, TODAY, territory93 } from './search.testkit';

let ctx: TestContext;
let client: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  const personId = await createPersonFixture(ctx, [{ lastName: 'Girard', role: 'referent' }]);
  await seedCatalogue(ctx, personId);
  client = await loginAs(ctx, 'Girard');
});
afterAll(() => ctx.close());

async function search(query: Record<string, string>): Promise<SearchResult> {
  const res = await client.call<SearchResult>(r.search, { query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const ids = (cards: { id: string }[]) => cards.map((c) => c.id);
const sorted = (list: string[]) => [...list].sort();

const published = services.filter((s) => (s.status ?? 'publie') === 'publie');
const remoteOnly = (s: (typeof services)[number]) =>
  (s.modes ?? []).includes('a-distance') && !(s.modes ?? []).includes('en-presentiel');

describe('pure helpers', () => {
  it('expands a category to its sub-thematiques and keeps sub-thematiques as they are', () => {
    const mob = expandThematiques(['mobilite']);
    expect(mob).toContain('mobilite--preparer-un-permis');
    expect(mob).toContain('mobilite--financer-ma-mobilite');
    expect(mob.filter((t) => t.startsWith('mobilite--'))).toHaveLength(6);
    expect(expandThematiques(['mobilite--preparer-un-permis'])).toEqual(['mobilite--preparer-un-permis']);
  });
  it('finds the département of a commune, overseas included', () => {
    expect(departementOf('93008')).toBe('93');
    expect(departementOf('97411')).toBe('974');
    expect(departementOf('2A004')).toBe('2A');
  });
  it('normalises the typed words (no accents, 3 letters or more)', () => {
    expect(queryWords('  Mobilité à Bobigny ')).toEqual(['mobilite', 'bobigny']);
  });
});

describe('radius', () => {
  it('10 km from Bobigny keeps Paris 01 (9.0 km) and drops Tremblay (11.6), Noisy (12.2), Paris 15 (13.0), Lyon', async () => {
    const res = await search({ commune: '93008', radiusKm: '10', thematiques: 'mobilite', limit: '100' });
    expect(res.commune).toEqual({ code: '93008', name: 'Bobigny' });
    const found = ids(res.nearby);
    expect(found).toContain('t--conseil-paris01');
    expect(found).toContain('t--permis-paris19');
    for (const far of ['t--scooter-tremblay', 't--location-noisy', 't--financer-paris15', 't--permis-lyon'])
      expect(found).not.toContain(far);
    expect(res.nearby.find((c) => c.id === 't--conseil-paris01')?.distanceKm).toBe(9);
    expect(res.nearby.find((c) => c.id === 't--garage-drancy')?.distanceKm).toBe(1.8);
    // Published, in person, mobility, within 10 km: every one of them and only them.
    const expected = published.filter(
      (s) =>
        !remoteOnly(s) &&
        s.thematiques.some((t) => t.startsWith('mobilite--')) &&
        !['93073', '93051', '75115', '69381'].includes(s.commune),
    );
    expect(sorted(found)).toEqual(sorted(expected.map((s) => s.id)));
    expect(res.total).toBe(expected.length);
  });

  it('the limit is exact to the metre: 4 km keeps Aubervilliers (3.995 km), not Paris 19 (4.578 km)', async () => {
    const found = ids((await search({ commune: '93008', radiusKm: '4', limit: '100' })).nearby);
    expect(found).toContain('t--conseil-aubervilliers');
    expect(found).toContain('t--emploi-blanc-mesnil');
    expect(found).not.toContain('t--permis-paris19');
    expect(found).not.toContain('t--numerique-montreuil');
  });

  it('sorts by distance, then relevance (quality without text), then id', async () => {
    const res = await search({ commune: '93008', radiusKm: '30', limit: '100' });
    const d = res.nearby.map((c) => c.distanceKm ?? -1);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    // All at Bobigny (0 km): by quality desc.
    const atBobigny = res.nearby.filter((c) => c.distanceKm === 0).map((c) => c.id);
    expect(atBobigny).toEqual([
      't--permis-bobigny',
      't--numerique-bobigny',
      't--femmes-bobigny',
      't--hybrid-bobigny',
      't--full-bobigny',
      't--nocap-bobigny',
    ]);
    expect(res.nearby[6]?.id).toMatch(/drancy/);
    // A service both in person and remote is met in person; drafts never show.
    expect(ids(res.remote)).not.toContain('t--hybrid-bobigny');
    expect(ids(res.nearby)).not.toContain('t--draft-bobigny');
  });
});

describe('filters', () => {
  it('a category finds every sub-thematique, a sub-thematique only itself', async () => {
    const category = ids((await search({ thematiques: 'mobilite', limit: '100' })).nearby);
    const sub = ids((await search({ thematiques: 'mobilite--preparer-un-permis', limit: '100' })).nearby);
    const inPerson = published.filter((s) => !remoteOnly(s));
    expect(sorted(category)).toEqual(
      sorted(inPerson.filter((s) => s.thematiques[0]?.startsWith('mobilite--')).map((s) => s.id)),
    );
    expect(sorted(sub)).toEqual(
      sorted(inPerson.filter((s) => s.thematiques[0] === 'mobilite--preparer-un-permis').map((s) => s.id)),
    );
    expect(sub.length).toBeLessThan(category.length);
  });

  it('publics: a service for everyone (or without publics) fits any public', async () => {
    const res = await search({ thematiques: 'mobilite', publics: 'jeunes', limit: '100' });
    const found = ids(res.nearby);
    expect(found).toContain('t--garage-drancy');
    expect(found).toContain('t--velo-pantin');
    expect(found).toContain('t--permis-bobigny');
    expect(found).not.toContain('t--femmes-bobigny');
  });

  it('types, fees and modes d’accueil', async () => {
    expect(ids((await search({ types: 'aide-financiere', limit: '100' })).nearby)).toEqual([
      't--logement-saint-denis',
    ]);
    expect(ids((await search({ frais: 'payant', limit: '100' })).nearby)).toEqual(['t--velo-pantin']);
    const remoteMode = await search({ modesAccueil: 'a-distance', limit: '100' });
    expect(ids(remoteMode.nearby)).toEqual(['t--hybrid-bobigny']);
    expect(remoteMode.remote).toHaveLength(5);
  });
});

describe('text', () => {
  const withMobilite = published.filter((s) => !remoteOnly(s) && /mobilité/i.test(s.nom)).map((s) => s.id);

  it.each(['mobilité', 'mobilite', 'MOBILITE', 'mobilté'])(
    '« %s » finds the services about mobilité',
    async (q) => {
      const res = await search({ q, limit: '100' });
      expect(sorted(ids(res.nearby))).toEqual(sorted(withMobilite));
      expect(res.total).toBe(withMobilite.length);
    },
  );

  it('typo-tolerant on several words, best match first', async () => {
    const res = await search({ q: 'permis de condire', limit: '100' });
    expect(ids(res.nearby).slice(0, 3).sort()).toEqual(
      sorted(['t--permis-bobigny', 't--permis-paris19', 't--permis-lyon']),
    );
  });

  it('short words must start a word of the text', async () => {
    expect(ids((await search({ q: 'job', limit: '100' })).nearby)).toEqual(['t--emploi-lilas']);
    expect(ids((await search({ q: 'Job d', limit: '100' })).nearby)).toEqual(['t--emploi-lilas']);
    expect((await search({ q: 'zq', limit: '100' })).nearby).toEqual([]);
  });

  it('nothing for a word that is nowhere', async () => {
    const res = await search({ q: 'boulangerie', limit: '100' });
    expect(res.nearby).toEqual([]);
    expect(res.total).toBe(0);
  });
});

describe('remote group', () => {
  it('Bobigny: remote services open to the département, France or everyone, not to Drancy only or the Rhône', async () => {
    const res = await search({ commune: '93008', radiusKm: '10' });
    expect(sorted(ids(res.remote))).toEqual(sorted(['t--remote-93', 't--remote-france', 't--remote-null']));
    expect(ids(res.nearby).some((id) => id.startsWith('t--remote'))).toBe(false);
  });
  it('Drancy also gets the one open to its commune; by relevance (quality)', async () => {
    const res = await search({ commune: '93029', radiusKm: '10' });
    expect(ids(res.remote)).toEqual([
      't--remote-93',
      't--remote-france',
      't--remote-drancy',
      't--remote-null',
    ]);
  });
  it('Lyon 01: the Rhône one', async () => {
    const res = await search({ commune: '69381', radiusKm: '5' });
    expect(sorted(ids(res.remote))).toEqual(sorted(['t--remote-69', 't--remote-france', 't--remote-null']));
    expect(ids(res.nearby)).toEqual(['t--permis-lyon']);
  });
});

describe('available', () => {
  it('drops a full service and one without places; keeps one with an open session within 60 days', async () => {
    const all = ids(
      (await search({ commune: '93008', radiusKm: '5', thematiques: 'mobilite', limit: '100' })).nearby,
    );
    expect(all).toEqual(expect.arrayContaining(['t--full-bobigny', 't--nocap-bobigny', 't--session-late']));
    const res = await search({
      commune: '93008',
      radiusKm: '5',
      thematiques: 'mobilite',
      available: 'true',
      limit: '100',
    });
    const found = ids(res.nearby);
    expect(found).not.toContain('t--full-bobigny');
    expect(found).not.toContain('t--nocap-bobigny');
    expect(found).not.toContain('t--session-late');
    expect(found).toContain('t--session-drancy');
    expect(found).toContain('t--permis-bobigny');
    expect(res.total).toBe(all.length - 3);
    const full = (await search({ commune: '93008', radiusKm: '1', q: 'auto ecole complete' })).nearby.find(
      (c) => c.id === 't--full-bobigny',
    );
    expect(full).toMatchObject({ freePlaces: 0, distanceKm: 0 });
    const session = res.nearby.find((c) => c.id === 't--session-drancy');
    expect(session).toMatchObject({ freePlaces: 5, nextSessionStart: '2026-11-22' });
  });
});

describe('pagination', () => {
  it('pages by keyset without duplicates or gaps, with a commune', async () => {
    const whole = await search({ commune: '93008', radiusKm: '30', limit: '100' });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: SearchResult = await search({
        commune: '93008',
        radiusKm: '30',
        limit: '4',
        ...(after ? { after } : {}),
      });
      if (pages > 0) expect(page.remote).toEqual([]);
      expect(page.total).toBe(whole.total);
      seen.push(...ids(page.nearby));
      after = page.next;
      pages++;
    } while (after && pages < 20);
    expect(seen).toEqual(ids(whole.nearby));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(whole.total / 4));
  });

  it('pages by keyset without a commune, by relevance', async () => {
    const whole = await search({ q: 'mobilite', limit: '100' });
    const first = await search({ q: 'mobilite', limit: '3' });
    const second = await search({ q: 'mobilite', limit: '3', after: first.next ?? '' });
    expect([...ids(first.nearby), ...ids(second.nearby)]).toEqual(ids(whole.nearby).slice(0, 6));
  });

  it('refuses a forged cursor', async () => {
    const res = await client.call(r.search, { query: { commune: '93008', after: 'bm9wZQ' } });
    expect(res.status).toBe(400);
  });

  it('refuses an unknown commune', async () => {
    const res = await client.call(r.search, { query: { commune: '00000' } });
    expect(res.status).toBe(400);
  });
});

describe('fixture sanity', () => {
  it('has about thirty services', () => {
    expect(services.length).toBe(30);
    expect(byId.get('t--full-bobigny')?.capacity).toBe(1);
  });
});

describe('indexes', () => {
  // With 30 rows every plan is cheap: statistics and no sequential scan make the planner show
  // which index serves each filter (the bench measures the real plans at 20,000 services).
  /** The plan with sequential scans discouraged: each filter must be able to use its index. */
  async function plan(filters: Partial<SearchFilters>, geo: boolean): Promise<string> {
    const { id: territoryId } = await territory93(ctx);
    const f: SearchFilters = {
      territoryId,
      thematiques: [],
      types: [],
      publics: [],
      frais: [],
      modesAccueil: [],
      words: [],
      available: false,
      today: TODAY,
      ...filters,
    };
    let text = '';
    // The territory's btree indexes (and the primary key) are dropped in a transaction rolled back at the end: with 30
    // rows they always look cheapest, and the point is that each filter *can* use its own index.
    await ctx.deps.database.db
      .transaction()
      .execute(async (trx) => {
        await sql`analyze catalogue_services`.execute(trx);
        for (const index of [
          'catalogue_services_freshness',
          'catalogue_services_owner',
          'catalogue_services_structure',
        ])
          await sql`drop index ${sql.id(index)}`.execute(trx);
        await sql`alter table catalogue_services drop constraint catalogue_services_pkey cascade`.execute(
          trx,
        );
        await sql`set local enable_seqscan = off`.execute(trx);
        await prepareTextSearch(trx, f.words);
        const query = nearbyQuery(
          f,
          geo ? { from: { latitude: 48.90769, longitude: 2.43864 }, radiusKm: 30 } : null,
          null,
          21,
        );
        const rows = await sql<Record<string, string>>`explain ${query}`.execute(trx);
        text = rows.rows.map((row) => Object.values(row).join(' ')).join('\n');
        throw new Error('rollback');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'rollback')) throw error;
      });
    return text;
  }
  it('commune + radius uses the GiST index on ll_to_earth', async () => {
    expect(await plan({}, true)).toContain('catalogue_services_earth');
  });
  it('thematiques use the GIN index', async () => {
    expect(await plan({ thematiques: ['mobilite'] }, false)).toContain('catalogue_services_thematiques');
  });
  it('text uses the trigram index', async () => {
    expect(await plan({ words: ['mobilite'] }, false)).toContain('catalogue_services_text');
  });
});
