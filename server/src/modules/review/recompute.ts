import { z } from 'zod';
import { defineUseCase } from '../../kernel/useCase';
import { isTerritoryAdmin } from '../territories';

/**
 * « Réévaluer maintenant » (territory admins): the permission check and its audit row. The pass
 * itself runs after, outside this transaction (`recomputeTerritory`, statement by statement), so
 * that a full pass never holds the database in one long transaction.
 */
export const recompute = defineUseCase({
  name: 'review.recompute',
  kind: 'command',
  input: z.object({}),
  authorize: (ctx) => isTerritoryAdmin(ctx.actor),
  run: async (ctx) => ({ territoryId: ctx.actor.territoryId }),
  auditSubject: (_input, output) => ({ subjectType: 'territory', subjectId: output.territoryId }),
});
