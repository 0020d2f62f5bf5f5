import { catalogueRoutes, type DiService } from '@spie/contract/catalogue';
import { forbidden } from '../../kernel/errors';
import { defineUseCase } from '../../kernel/useCase';
import { parisToday } from '../people';
import { mayCreateServiceUnder, mayManageService } from './catalogue.access';
import { viewFor } from './catalogue.context';
import {
  findServiceRow,
  loadServiceRow,
  loadStructureRow,
  serviceUpdated,
  staleRevision,
  updateServiceFields,
} from './catalogue.store';

const input = catalogueRoutes.updateService.body.extend(catalogueRoutes.updateService.params.shape);

/**
 * Rewrites a service's description and SPIE settings (optimistic `revision`); date_maj becomes
 * today and the quality score is recomputed. Moving it under another structure needs the right
 * to create services under that one.
 */
export const updateService = defineUseCase({
  name: 'catalogue.updateService',
  kind: 'command',
  input,
  authorize: async (ctx, input) => {
    const row = await findServiceRow(ctx.trx, ctx.actor.territoryId, input.id);
    return row === null || mayManageService(ctx.actor, row.owner_organisation_id);
  },
  run: async (ctx, input) => {
    const t = ctx.actor.territoryId;
    const row = await loadServiceRow(ctx.trx, t, input.id, true);
    if (row.revision !== input.revision) throw staleRevision(row.revision);
    const structure = await loadStructureRow(ctx.trx, t, input.di.structure_id);
    if (
      structure.id !== row.structure_id &&
      !mayCreateServiceUnder(ctx.actor, structure.owner_organisation_id)
    )
      throw forbidden(
        'catalogue.structure_forbidden',
        'Vous ne pouvez pas rattacher ce service à cette structure.',
      );
    const today = parisToday(ctx.now);
    const di: DiService = { ...input.di, id: row.id, source: row.source, date_maj: today };
    await updateServiceFields(ctx.trx, row, di, input.spie, {
      structureNom: structure.nom,
      today,
      now: ctx.now,
    });
    ctx.emit(serviceUpdated(t, row.id, 'updated'));
    return viewFor(ctx, await loadServiceRow(ctx.trx, t, row.id));
  },
  auditSubject: (input) => ({ subjectType: 'catalogue_service', subjectId: input.id }),
});
