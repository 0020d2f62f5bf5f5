import { peopleRoutes } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { consultationsPage } from './consultations.queries';
import { maySection, withMergedIds } from './sectionGuard';

const r = peopleRoutes.consultations;
const input = r.params.extend(r.query.shape);

/** The consultation log of a record (référent and co-référents), merged records included. */
export const consultations = defineUseCase({
  name: 'people.consultations',
  kind: 'query',
  input,
  authorize: (ctx, input) => maySection(ctx, input.id, 'consultations', 'read'),
  run: async (ctx, input) => {
    const page = await consultationsPage(
      ctx.trx,
      ctx.actor.territoryId,
      await withMergedIds(ctx, input.id),
      input,
    );
    // Audited after the query: the page shows who came before, not this very look.
    await ctx.audit({
      action: 'people.consultations',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'consultations',
    });
    return page;
  },
});
