import { peopleRoutes } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { loadPersonRelation } from './people.relation';
import { designateReferentUnique } from './referentDesignation';
import { requireNotMerged } from './sectionGuard';
import { actorLabel } from './team.queries';

const r = peopleRoutes.designateReferent;
const input = r.params.extend(r.body.shape);

/**
 * The structure manager of the organisation (which follows the person) or the current référent
 * designates the référent unique. Rows are never rewritten: the previous référent's follow-up
 * and the designee's former follow-up end, and a new référent row starts (history kept).
 */
export const designateReferent = defineUseCase({
  name: 'people.designateReferent',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const { relation } = await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    if (relation.teamRole === 'referent') return true;
    return (
      ctx.actor.role === 'structure_manager' &&
      ctx.actor.organisationId === input.organisationId &&
      relation.organisationFollows
    );
  },
  run: async (ctx, input) => {
    await requireNotMerged(ctx, input.id);
    return designateReferentUnique(
      ctx,
      {
        personId: input.id,
        organisationId: input.organisationId,
        accountId: input.accountId,
        reason: input.reason,
      },
      await actorLabel(ctx),
    );
  },
  auditSubject: (input, output) => ({
    subjectType: 'follow_up',
    subjectId: output.followUpId,
    personId: input.id,
    section: 'journey',
  }),
});
