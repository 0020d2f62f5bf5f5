import { sql } from 'kysely';
import { z } from 'zod';
import { defineUseCase } from '../../kernel/useCase';

/** Commune autocomplete: by postal code prefix or by name (accent-insensitive, typo-tolerant). */
export const listCommunes = defineUseCase({
  name: 'territories.listCommunes',
  kind: 'query',
  input: z.object({ q: z.string().trim().min(2).max(60) }),
  authorize: () => true,
  run: async (ctx, input) => {
    const q = input.q.toLowerCase();
    const base = ctx.trx.selectFrom('communes').select(['code', 'name', 'postal_codes']);
    const rows = /^\d{2,5}$/.test(q)
      ? await base
          .where((eb) =>
            eb.or([
              eb('code', 'like', `${q}%`),
              eb(sql`array_to_string(postal_codes, ' ')`, 'like', `%${q}%`),
            ]),
          )
          .orderBy('code')
          .limit(20)
          .execute()
      : await base
          .where(
            // `<%` (word similarity, GIN trigram index), never `%`: pg_trgm's `%` can crash the
            // embedded PGlite when cube is loaded too (see db/database.ts).
            sql<boolean>`spie_unaccent(${q}) <% spie_unaccent(lower(name)) or spie_unaccent(lower(name)) like spie_unaccent(${`${q}%`})`,
          )
          .orderBy(sql`word_similarity(spie_unaccent(${q}), spie_unaccent(lower(name)))`, 'desc')
          .orderBy(sql`similarity(spie_unaccent(lower(name)), spie_unaccent(${q}))`, 'desc')
          .orderBy('code')
          .limit(20)
          .execute();
    return { items: rows.map((r) => ({ code: r.code, name: r.name, postalCodes: r.postal_codes })) };
  },
});
