import { peopleRoutes } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { caseloadIds } from './caseload.queries';
import { parisToday, personSummaries } from './person.queries';

/** One's own caseload; the organisation-wide view is the structure manager's. */
export const caseload = defineUseCase({
  name: 'people.caseload',
  kind: 'query',
  input: peopleRoutes.caseload.query,
  authorize: (ctx, input) =>
    input.scope === 'organisation'
      ? ctx.actor.role === 'structure_manager'
      : ctx.actor.role !== 'steering_viewer',
  run: async (ctx, input) => {
    const today = parisToday(ctx.now);
    const { ids, next } = await caseloadIds(ctx.trx, ctx.actor, input, today);
    const items = await personSummaries(ctx.trx, ctx.actor, ids, today);
    if (items.length > 0)
      await ctx.audit({ action: 'people.caseload', details: { scope: input.scope, results: items.length } });
    return { items, next };
  },
});
