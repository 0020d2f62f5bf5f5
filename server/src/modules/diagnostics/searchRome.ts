import { diagnosticsRoutes } from '@spie/contract/diagnostics';
import { defineUseCase } from '../../kernel/useCase';
import { romeIndex } from './rome.queries';

/** Job title autocomplete (national ROME reference: no personal data, any member). */
export const searchRome = defineUseCase({
  name: 'diagnostics.romeSearch',
  kind: 'query',
  input: diagnosticsRoutes.romeSearch.query,
  authorize: () => true,
  run: async (ctx, input) => {
    const index = await romeIndex(ctx.deps.database, ctx.trx);
    return { items: index.search(input.q, input.limit) };
  },
});
