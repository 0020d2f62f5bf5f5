import { peopleRoutes } from '@spie/contract/people';
import { defineUseCase } from '../../kernel/useCase';
import { may } from './people.access';
import { loadTeam } from './person.queries';
import { personAccess } from './sectionGuard';

/**
 * The team around the person, history included (anyone who may read the identity section);
 * follow-ups by sensitive organisations only for readers of the sensitive section (as on the record).
 */
export const getTeam = defineUseCase({
  name: 'people.team',
  kind: 'query',
  input: peopleRoutes.team.params,
  authorize: async (ctx, input) => may((await personAccess(ctx, input.id)).access, 'identity', 'read'),
  run: async (ctx, input) => {
    const { access } = await personAccess(ctx, input.id);
    const items = await loadTeam(ctx.trx, ctx.actor, input.id, {
      showSensitiveOrganisations: may(access, 'sensitive', 'read'),
    });
    await ctx.audit({
      action: 'people.team',
      subjectType: 'person',
      subjectId: input.id,
      personId: input.id,
      section: 'identity',
    });
    return { items };
  },
});
