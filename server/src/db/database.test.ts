import { describe, expect, it } from 'vitest';
import { openPglite } from './database';

/**
 * The embedded engine with every extension the migrations create, in their order (pg_trgm in the
 * foundation, cube/earthdistance with the catalogue): the trigram operators the searches use and
 * earth distances must work side by side (pg_trgm's `%` does not, reliably: see database.ts).
 */
describe('embedded PostgreSQL extensions', () => {
  it('serves pg_trgm operators and earth distances side by side', async () => {
    const pg = await openPglite(null);
    try {
      await pg.exec(`
        create extension if not exists pg_trgm;
        create extension if not exists unaccent;
        create extension if not exists cube;
        create extension if not exists earthdistance;`);
      // What the searches use (never `%`, see database.ts): word similarity and similarity().
      const trgm = await pg.query<{ w: boolean; typo: boolean; s: number }>(
        `select 'bob' <% 'bobigny' as w, 'bobigni' <% 'bobigny' as typo, similarity('bobigny', 'bobigni') as s`,
      );
      expect(trgm.rows).toEqual([{ w: true, typo: true, s: 0.6 }]);
      const distance = await pg.query<{ km: number }>(
        `select round((earth_distance(ll_to_earth(48.90769, 2.43864), ll_to_earth(48.92957, 2.35924)) / 1000)::numeric, 1) as km`,
      );
      // Bobigny → Saint-Denis centroids.
      expect(distance.rows[0]?.km).toBeCloseTo(6.3, 0);
      expect((await pg.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pg.close();
    }
  });
});
