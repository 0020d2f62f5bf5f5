import { orientationsRoutes } from '@spie/contract/orientations';
import { conflict } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { loadPersonRelation, parisToday, requireNotMerged } from '../people';
import { insertPendingOrientation, openOrientation } from './orientations.store';
import { viewOrientation } from './orientations.view';

const r = orientationsRoutes.start;

/**
 * An orientation manager puts a person « à orienter » outside the automatic RSA information
 * (France Travail, mission locale, Cap emploi, a case seen at the desk…). The deadline may
 * already be past: allowed, and flagged.
 */
export const startOrientation = defineUseCase({
  name: 'orientations.start',
  kind: 'command',
  input: r.params.extend(r.body.shape),
  authorize: async (ctx, input) => {
    await loadPersonRelation(ctx.trx, ctx.actor, input.id);
    return ctx.actor.role === 'orientation_manager';
  },
  run: async (ctx, input) => {
    await requireNotMerged(ctx, input.id);
    const open = await openOrientation(ctx.trx, ctx.actor.territoryId, input.id);
    if (open) {
      throw conflict(
        'orientation.already_open',
        'Cette personne a déjà une orientation en cours : consultez son historique d’orientation.',
        { orientationId: open.id, status: open.status },
      );
    }
    const row = await insertPendingOrientation(ctx, {
      personId: input.id,
      source: input.source,
      informationReceivedOn: input.informationReceivedOn ?? parisToday(ctx.now),
      reason: input.reason,
    });
    return viewOrientation(ctx, row.id);
  },
  auditSubject: (input, output) => ({
    subjectType: 'orientation',
    subjectId: output.id,
    personId: input.id,
    section: 'situation',
  }),
});
