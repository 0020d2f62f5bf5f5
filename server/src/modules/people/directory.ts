import { checkNir, peopleRoutes } from '@spie/contract/people';
import { fieldError } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { directoryCards, directoryMatches } from './directory.queries';

/** Every professional of the territory; steering viewers only see aggregated figures. */
export const mayUseDirectory = (role: string) => role !== 'steering_viewer';

/**
 * "Is this person already accompanied, and by whom?" — all any professional of the territory
 * may learn about someone they do not follow (domain §8). Each search is audited.
 */
export const searchDirectory = defineUseCase({
  name: 'people.directory',
  kind: 'query',
  input: peopleRoutes.directory.query,
  authorize: (ctx) => mayUseDirectory(ctx.actor.role),
  run: async (ctx, input) => {
    let ids: string[];
    if (input.nir) {
      const nir = checkNir(input.nir);
      if (!nir.ok) throw fieldError(nir.code, 'nir', nir.message);
      ids = await directoryMatches(ctx.trx, ctx.actor.territoryId, {
        nirIndex: ctx.deps.crypto.blindIndex(nir.nir),
      });
    } else {
      ids = await directoryMatches(ctx.trx, ctx.actor.territoryId, {
        lastName: input.lastName ?? '',
        firstName: input.firstName || null,
        birthDate: input.birthDate ?? '',
      });
    }
    const items = await directoryCards(ctx.trx, ctx.actor, ids);
    await ctx.audit({ action: 'people.directorySearch', details: { results: items.length } });
    return { items };
  },
});
