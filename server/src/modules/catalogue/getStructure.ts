import { catalogueRoutes } from '@spie/contract/catalogue';
import { defineUseCase } from '../../kernel/useCase';
import { structureViews } from './catalogue.queries';
import { loadStructureRow } from './catalogue.store';

/** One structure of the catalogue (any member of the territory). */
export const getStructure = defineUseCase({
  name: 'catalogue.getStructure',
  kind: 'query',
  input: catalogueRoutes.getStructure.params,
  authorize: () => true,
  run: async (ctx, input) => {
    const row = await loadStructureRow(ctx.trx, ctx.actor.territoryId, input.id);
    const [view] = await structureViews(ctx.trx, [row]);
    if (!view) throw new Error('unreachable');
    return view;
  },
});
