import { peopleRoutes } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { maySection, personAccess, readableSections, withMergedIds } from './sectionGuard';
import { timelinePage } from './timeline.queries';

const r = peopleRoutes.timeline;
const input = r.params.extend(r.query.shape);

/** The journey: entries the caller may see (per section), records merged into this one included. */
export const timeline = defineUseCase({
  name: 'people.timeline',
  kind: 'query',
  input,
  authorize: (ctx, input) => maySection(ctx, input.id, 'journey', 'read'),
  run: async (ctx, input) => {
    const { access } = await personAccess(ctx, input.id);
    const sections = readableSections(access);
    const page = await timelinePage(
      ctx.trx,
      ctx.actor.territoryId,
      await withMergedIds(ctx, input.id),
      sections,
      input,
    );
    await ctx.audit({
      action: 'people.timeline',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'journey',
      details: { sections },
    });
    return page;
  },
});
