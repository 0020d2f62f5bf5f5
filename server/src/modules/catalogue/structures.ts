import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { structuresPage } from './catalogue.queries';

/** The catalogue's structures of the territory, by name (optionally those whose name contains `q`). */
export const structures = defineUseCase({
  name: 'catalogue.structures',
  kind: 'query',
  input: catalogueRoutes.structures.query,
  authorize: () => true,
  run: (ctx, input) => structuresPage(ctx.trx, ctx.actor.territoryId, input),
});
