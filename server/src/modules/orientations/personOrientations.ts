import {
  currentOrientationStatuses,
  type OrientationStatus,
  orientationsRoutes,
} from '@spie/contract/orientations';
import { defineUseCase } from '../../kernel/useCase';
import { maySection } from '../people';
import { viewOrientations } from './orientations.view';

/**
 * The person's orientations, newest first, each with its decision, letter, référent and
 * reorientation requests: for whoever reads the person's situation (team, orientation managers,
 * the receiving structure's manager). Audited as a read of the record.
 */
export const personOrientations = defineUseCase({
  name: 'orientations.ofPerson',
  kind: 'query',
  input: orientationsRoutes.personOrientations.params,
  authorize: (ctx, input) => maySection(ctx, input.id, 'situation', 'read'),
  run: async (ctx, input) => {
    const rows = await ctx.trx
      .selectFrom('orientations')
      .selectAll()
      .where('territory_id', '=', ctx.actor.territoryId)
      .where('person_id', '=', input.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    const items = await viewOrientations(ctx, rows);
    await ctx.audit({
      action: 'orientations.ofPerson',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'situation',
    });
    const current = items.find((o) => currentOrientationStatuses.includes(o.status as OrientationStatus));
    return { currentId: current?.id ?? null, items };
  },
});
