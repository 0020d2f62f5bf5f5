import { diagnosticsRoutes, type Referential, type ReferentialKind } from '@spie/contract/diagnostics';
import { defineUseCase } from '../../kernel/useCase';
import { type CurrentReferential, currentReferential } from './referentials';

export const toReferential = (r: CurrentReferential<ReferentialKind>): Referential => ({
  kind: r.kind,
  version: r.version,
  content: r.content as Record<string, unknown>,
  updatedAt: r.updatedAt ? new Date(r.updatedAt).toISOString() : null,
  updatedBy: r.updatedBy,
});

/** The territory's list in force (any member: the diagnostic form and the catalogue use it). */
export const getReferential = defineUseCase({
  name: 'diagnostics.referential',
  kind: 'query',
  input: diagnosticsRoutes.referential.params,
  authorize: () => true,
  run: async (ctx, input) =>
    toReferential(await currentReferential(ctx.trx, ctx.actor.territoryId, input.kind)),
});
