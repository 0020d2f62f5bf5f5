import { contractsRoutes, type PlanNeeds } from '@spie/contract/contracts';
import { defineUseCase } from '../../kernel/useCase';
import { currentReferential } from '../diagnostics';
import { maySection } from '../people';
import { latestNeeds } from './contracts.needs';

/**
 * What the plan should answer: the needs of the latest completed diagnostic, each with the
 * objectives of the territory's list for its theme. Reads the diagnostic: audited as such.
 */
export const contractNeeds = defineUseCase({
  name: 'contracts.needs',
  kind: 'query',
  input: contractsRoutes.needs.params,
  authorize: (ctx, input) => maySection(ctx, input.id, 'diagnostic', 'read'),
  run: async (ctx, input): Promise<PlanNeeds> => {
    const t = ctx.actor.territoryId;
    const [found, list] = await Promise.all([
      latestNeeds(ctx.trx, t, input.id),
      currentReferential(ctx.trx, t, 'action_plan'),
    ]);
    await ctx.audit({
      action: 'contracts.needs',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'diagnostic',
    });
    return {
      diagnostic: found.diagnostic,
      needs: found.needs.map((n) => ({
        ...n,
        suggestedObjectives: list.content.objectives
          .filter((o) => o.theme === n.theme && !o.retired)
          .map((o) => ({ code: o.code, label: o.label })),
      })),
    };
  },
});
