import { catalogueRoutes, type SearchResult, type ServiceCard } from '@spie/contract/catalogue';
import { decodeCursor, encodeCursor } from '../../../kernel/cursor';
import { defineUseCase } from '../../../kernel/useCase';
import { parisToday } from '../../people';
import { loadServiceCards } from '../catalogue.cards';
import {
  communeCentroid,
  nearbyCount,
  nearbyPage,
  prepareTextSearch,
  queryPrefixes,
  queryWords,
  remoteIds,
  type SearchFilters,
} from './search.queries';

/** Remote services shown beside the nearby ones, on the first page only. */
export const REMOTE_LIMIT = 20;

const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

const ordered = (ids: readonly string[], cards: Map<string, ServiceCard>): ServiceCard[] =>
  ids.flatMap((id) => {
    const card = cards.get(id);
    return card ? [card] : [];
  });

/**
 * « Chercher une offre »: published services of the territory. With a commune, the services met in
 * person within the radius by distance then relevance, and the remote ones open to the commune
 * in their own group; without, every match by relevance. No personal data: not audited.
 */
export const searchServices = defineUseCase({
  name: 'catalogue.search',
  kind: 'query',
  input: catalogueRoutes.search.query,
  authorize: () => true,
  run: async (ctx, input): Promise<SearchResult> => {
    const db = ctx.trx;
    const today = parisToday(ctx.now);
    const words = queryWords(input.q);
    const filters: SearchFilters = {
      territoryId: ctx.actor.territoryId,
      thematiques: input.thematiques,
      types: input.types,
      publics: input.publics,
      frais: input.frais,
      modesAccueil: input.modesAccueil,
      words,
      prefixes: queryPrefixes(input.q),
      available: input.available,
      today,
    };
    const commune = input.commune ? await communeCentroid(db, input.commune) : null;
    const geo = commune ? { from: commune, radiusKm: input.radiusKm } : null;
    const cursor = commune
      ? decodeCursor(input.after, 3, (v) => isInt(v[0]) && isInt(v[1]) && typeof v[2] === 'string')
      : decodeCursor(input.after, 2, (v) => isInt(v[0]) && typeof v[1] === 'string');

    await prepareTextSearch(db, words);
    const [rows, count, remote] = await Promise.all([
      nearbyPage(db, filters, geo, cursor, input.limit + 1),
      nearbyCount(db, filters, geo),
      cursor ? Promise.resolve([]) : remoteIds(db, filters, commune?.code ?? null, REMOTE_LIMIT),
    ]);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const next =
      rows.length > input.limit && last
        ? encodeCursor(commune ? [last.dist ?? 0, last.rel, last.id] : [last.rel, last.id])
        : null;

    const cards = await loadServiceCards(
      db,
      ctx.actor.territoryId,
      [...page.map((r) => r.id), ...remote],
      commune ? { today, from: commune } : { today },
    );
    return {
      commune: commune ? { code: commune.code, name: commune.name } : null,
      nearby: ordered(
        page.map((r) => r.id),
        cards,
      ),
      next,
      remote: ordered(remote, cards),
      total: count.total,
      totalCapped: count.capped,
    };
  },
});
