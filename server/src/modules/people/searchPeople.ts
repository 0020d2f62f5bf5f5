import { peopleRoutes } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday, personSummaries } from './person.queries';
import { classifyQuery, searchPersonIds } from './search.queries';

/** Search among the people I may see; scoped in SQL by `visibleTo`, audited when it finds someone. */
export const searchPeople = defineUseCase({
  name: 'people.search',
  kind: 'query',
  input: peopleRoutes.searchPeople.query,
  authorize: (ctx) => ctx.actor.role !== 'steering_viewer',
  run: async (ctx, input) => {
    const key = classifyQuery(ctx.deps, input.q);
    const { ids, next } = await searchPersonIds(ctx.trx, ctx.actor, key, input);
    const items = await personSummaries(ctx.trx, ctx.actor, ids, parisToday(ctx.now));
    if (items.length > 0)
      await ctx.audit({ action: 'people.search', details: { by: key.kind, results: items.length } });
    return { items, next };
  },
});
